/**
 * Marks the top-level blocks the selection is in, and one on each side, with
 * the class `near-selection`. Every other block of the essay has
 * `content-visibility: auto` (editor.css), so the browser skips the style,
 * layout and paint of blocks out of view, and its text when it brings its own
 * selection up to date after a keystroke: on a 100,000-word essay that walk
 * over the whole text was most of a keystroke's cost.
 *
 * The blocks being written in stay out of that: the browser decides whether a
 * skipped block is in view only at the next frame, so a block just made by
 * Enter, or one the selection jumps to, would otherwise be skipped while the
 * caret is placed in it or its text is read from the selection.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

const NEAR_SELECTION_CLASS = 'near-selection';

interface NearSelection {
  /** Index of the first and the last top-level block marked. */
  first: number;
  last: number;
  decorations: DecorationSet;
}

const nearSelectionKey = new PluginKey<NearSelection>('blocksNearSelection');

/** The top-level blocks to keep laid out: those the selection touches, and their neighbours. */
export function blockRangeNearSelection(state: EditorState): { first: number; last: number } {
  const { doc, selection } = state;
  const lastIndex = Math.max(doc.childCount - 1, 0);
  const from = doc.resolve(selection.from).index(0);
  const to = doc.resolve(selection.to).index(0);
  return { first: Math.max(from - 1, 0), last: Math.min(to + 1, lastIndex) };
}

function markBlocks(state: EditorState, first: number, last: number): NearSelection {
  const decorations: Decoration[] = [];
  state.doc.forEach((block, offset, index) => {
    if (index >= first && index <= last)
      decorations.push(
        Decoration.node(offset, offset + block.nodeSize, { class: NEAR_SELECTION_CLASS }),
      );
  });
  return { first, last, decorations: DecorationSet.create(state.doc, decorations) };
}

export function blocksNearSelectionPlugin(): Plugin<NearSelection> {
  return new Plugin<NearSelection>({
    key: nearSelectionKey,
    state: {
      init: (_config, state) => {
        const { first, last } = blockRangeNearSelection(state);
        return markBlocks(state, first, last);
      },
      apply(tr, previous, oldState, state) {
        if (!tr.docChanged && !tr.selectionSet) return previous;
        const { first, last } = blockRangeNearSelection(state);
        if (
          first === previous.first &&
          last === previous.last &&
          oldState.doc.childCount === state.doc.childCount
        ) {
          // Typing within the same blocks: the same decorations, moved along with the text,
          // unless a change replaced one of those blocks (its decoration is then dropped).
          const decorations = previous.decorations.map(tr.mapping, tr.doc);
          if (decorations.find().length === last - first + 1) return { first, last, decorations };
        }
        return markBlocks(state, first, last);
      },
    },
    props: {
      decorations: (state) => nearSelectionKey.getState(state)?.decorations,
    },
  });
}

export const BlocksNearSelection = Extension.create({
  name: 'blocksNearSelection',
  addProseMirrorPlugins() {
    return [blocksNearSelectionPlugin()];
  },
});
