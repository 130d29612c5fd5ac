import { getSchema } from '@tiptap/core';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import type { DecorationSet } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import { documentExtensions } from '@baton/shared/editor.ts';
import { blocksNearSelectionPlugin } from './blocksNearSelection.ts';

const schema = getSchema(documentExtensions());

function essay(paragraphs: string[]): EditorState {
  const doc = schema.node(
    'doc',
    null,
    paragraphs.map((text) => schema.node('paragraph', null, text ? [schema.text(text)] : [])),
  );
  return EditorState.create({ doc, plugins: [blocksNearSelectionPlugin()] });
}

/** The indexes of the top-level blocks that carry the class. */
function marked(state: EditorState): number[] {
  const decorations = state.plugins[0]!.getState(state).decorations as DecorationSet;
  const starts = new Set(decorations.find().map((d) => d.from));
  const indexes: number[] = [];
  state.doc.forEach((_block, offset, index) => {
    if (starts.has(offset)) indexes.push(index);
  });
  return indexes;
}

/** The position inside the text of block `index`, `offset` characters in. */
function inBlock(state: EditorState, index: number, offset = 0): number {
  let at = 0;
  state.doc.forEach((block, start, i) => {
    if (i === index) at = start + 1 + Math.min(offset, block.content.size);
  });
  return at;
}

const ten = Array.from({ length: 10 }, (_, i) => `Paragraph ${i}.`);

describe('blocks near the selection', () => {
  it('marks the block with the caret and one on each side, clipped at the ends', () => {
    const start = essay(ten);
    expect(marked(start)).toEqual([0, 1]);
    const middle = start.apply(
      start.tr.setSelection(TextSelection.create(start.doc, inBlock(start, 5, 3))),
    );
    expect(marked(middle)).toEqual([4, 5, 6]);
    const end = middle.apply(
      middle.tr.setSelection(TextSelection.create(middle.doc, inBlock(middle, 9))),
    );
    expect(marked(end)).toEqual([8, 9]);
  });

  it('marks every block a range touches', () => {
    const state = essay(ten);
    const range = state.apply(
      state.tr.setSelection(
        TextSelection.create(state.doc, inBlock(state, 2, 4), inBlock(state, 6, 1)),
      ),
    );
    expect(marked(range)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps the same decorations while typing in the same block', () => {
    const state = essay(ten);
    const atThree = state.apply(
      state.tr.setSelection(TextSelection.create(state.doc, inBlock(state, 3, 2))),
    );
    const typed = atThree.apply(atThree.tr.insertText('x'));
    expect(marked(typed)).toEqual([2, 3, 4]);
    expect(typed.plugins[0]!.getState(typed).first).toBe(2);
  });

  it('marks a block made by Enter at once, and follows the caret into it', () => {
    const state = essay(ten);
    const atThree = state.apply(
      state.tr.setSelection(TextSelection.create(state.doc, inBlock(state, 3, 4))),
    );
    const split = atThree.apply(atThree.tr.split(atThree.selection.from));
    expect(split.doc.childCount).toBe(11);
    expect(split.doc.resolve(split.selection.from).index(0)).toBe(4);
    expect(marked(split)).toEqual([3, 4, 5]);
  });

  it('marks the blocks a change put in place of the ones that were there', () => {
    const state = essay(ten);
    const atThree = state.apply(
      state.tr.setSelection(TextSelection.create(state.doc, inBlock(state, 3, 2))),
    );
    // A remote change arrives as the whole content replaced (y-tiptap), same block count.
    const tr = atThree.tr.replaceWith(0, atThree.doc.content.size, atThree.doc.content);
    const replaced = atThree.apply(
      tr.setSelection(TextSelection.create(tr.doc, atThree.selection.from)),
    );
    expect(marked(replaced)).toEqual([2, 3, 4]);
  });

  it('marks the single block of an empty document', () => {
    expect(marked(essay(['']))).toEqual([0]);
  });
});
