import { getSchema } from '@tiptap/core';
import type { Mark, Node as PmNode } from '@tiptap/pm/model';
import { splitListItem } from '@tiptap/pm/schema-list';
import { type Command, EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { documentExtensions } from '@baton/shared/editor.ts';
import {
  acceptSuggestions,
  listSuggestions,
  rejectSuggestions,
} from '@baton/shared/suggestions.ts';
import { type SuggestingMeta, suggestingKey, suggestingPlugin } from './suggestingPlugin.ts';

const schema = getSchema(documentExtensions());
const cora = { id: 'cora', name: 'Cora' };

/** An editor state over one paragraph (text, or text nodes), in Suggesting mode, with ids s1, s2… */
function suggesting(text: string | PmNode[], mode: SuggestingMeta = { suggesting: true }) {
  let next = 0;
  const content = typeof text === 'string' ? [schema.text(text)] : text;
  const doc = schema.node('doc', null, [schema.node('paragraph', null, content)]);
  const state = EditorState.create({
    doc,
    plugins: [
      suggestingPlugin({
        author: cora,
        newId: () => `s${++next}`,
        now: () => '2025-03-01T09:00:00.000Z',
      }),
    ],
  });
  return state.apply(state.tr.setMeta(suggestingKey, mode));
}

/** The paragraph's runs as [text, mark names] pairs. */
function runs(doc: PmNode): Array<[string, string[]]> {
  const out: Array<[string, string[]]> = [];
  doc.firstChild!.forEach((node) =>
    out.push([
      node.text ?? '',
      node.marks.map((m) => (m.attrs.id ? `${m.type.name}:${m.attrs.id as string}` : m.type.name)),
    ]),
  );
  return out;
}

/** Applies a change made at the cursor `at` (Backspace, typing…), as the view would. */
function edit(state: EditorState, at: number, change: (tr: Transaction) => void): EditorState {
  const placed = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)));
  const tr = placed.tr;
  change(tr);
  return placed.apply(tr);
}

/** Runs an editor command with the cursor at `at`, as a key bound to it would. */
function command(state: EditorState, at: number, run: Command): EditorState {
  const placed = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)));
  let next = placed;
  run(placed, (tr) => (next = placed.apply(tr)));
  return next;
}

const backspace = (state: EditorState, at: number) =>
  edit(state, at, (tr) => tr.delete(at - 1, at));

describe('Suggesting mode', () => {
  it('SUG-5 typed text becomes one insertion suggestion in the writer’s name, however many keystrokes', () => {
    let state = suggesting('The harbour.');
    state = edit(state, 5, (tr) => tr.insertText('q'));
    state = edit(state, 6, (tr) => tr.insertText('uiet '));
    expect(runs(state.doc)).toEqual([
      ['The ', []],
      ['quiet ', ['suggestionInsert:s1']],
      ['harbour.', []],
    ]);
    expect(listSuggestions(state.doc)).toMatchObject([
      { id: 's1', authorId: 'cora', authorName: 'Cora', kind: 'insert', inserted: 'quiet ' },
    ]);
  });

  it('SUG-5 Backspace marks text for deletion and steps over it; the writer’s own proposal really goes', () => {
    let state = suggesting('Hello world');
    state = backspace(state, 12); // "d"
    expect(state.selection.head).toBe(11);
    state = backspace(state, 11); // "l"
    expect(runs(state.doc)).toEqual([
      ['Hello wor', []],
      ['ld', ['suggestionDelete:s1']],
    ]);
    state = edit(state, 10, (tr) => tr.insertText('k'));
    state = backspace(state, 11);
    expect(runs(state.doc)).toEqual([
      ['Hello wor', []],
      ['ld', ['suggestionDelete:s1']],
    ]);
  });

  it('SUG-5 typing over a selection is one replacement: the old text struck, the new text proposed', () => {
    const state = suggesting('The old word');
    const next = state.apply(
      state.tr.setSelection(TextSelection.create(state.doc, 5, 8)).insertText('new'),
    );
    expect(runs(next.doc)).toEqual([
      ['The ', []],
      ['old', ['suggestionDelete:s1']],
      ['new', ['suggestionInsert:s1']],
      [' word', []],
    ]);
    expect(listSuggestions(next.doc)[0]).toMatchObject({ kind: 'replace' });
  });

  it('SUG-5 edits from other writers, settling suggestions and Editing mode are left as they are', () => {
    const state = suggesting('Plain');
    const remote = state.apply(
      state.tr.insertText('Remote ', 1).setMeta(ySyncPluginKey, { isChangeOrigin: true }),
    );
    expect(runs(remote.doc)).toEqual([['Remote Plain', []]]);
    const editing = suggesting('Plain', { suggesting: false });
    expect(runs(edit(editing, 6, (tr) => tr.insertText('!')).doc)).toEqual([['Plain!', []]]);
    const proposed = edit(state, 6, (tr) => tr.insertText('!'));
    const settle = proposed.tr;
    acceptSuggestions(settle);
    settle.setMeta(suggestingKey, { settling: true });
    expect(runs(proposed.apply(settle).doc)).toEqual([['Plain!', []]]);
  });

  it('SUG-5 a suggestions-only writer changes text, formatting, breaks and headings only: lists are refused before they reach the server', () => {
    const state = suggesting('Plain words', { suggestionsOnly: true });
    const bold = state.apply(state.tr.addMark(1, 6, schema.marks.bold!.create()));
    expect(runs(bold.doc)).toEqual([
      ['Plain', ['bold', 'suggestionFormat:s1']],
      [' words', []],
    ]);
    const range = state.doc.resolve(1).blockRange(state.doc.resolve(6))!;
    const listed = state.apply(
      state.tr.wrap(range, [{ type: schema.nodes.bulletList! }, { type: schema.nodes.listItem! }]),
    );
    expect(listed.doc.eq(state.doc)).toBe(true);
    const typed = edit(state, 6, (tr) => tr.insertText(' more'));
    expect(runs(typed.doc)).toEqual([
      ['Plain', []],
      [' more', ['suggestionInsert:s2']],
      [' words', []],
    ]);
    // It cannot leave Suggesting mode.
    expect(
      suggestingKey.getState(typed.apply(typed.tr.setMeta(suggestingKey, { suggesting: false }))),
    ).toEqual({
      suggesting: true,
      suggestionsOnly: true,
    });
  });
});

const bold = schema.marks.bold!.create();
const italic = schema.marks.italic!.create();
const code = schema.marks.code!.create();
const text = (value: string, ...marks: Mark[]) => schema.text(value, marks);
const settled = (state: EditorState, verdict: 'accept' | 'reject') => {
  const tr = state.tr;
  if (verdict === 'accept') acceptSuggestions(tr);
  else rejectSuggestions(tr);
  return state.apply(tr.setMeta(suggestingKey, { settling: true }));
};

describe('Suggesting mode: formatting', () => {
  it('SUG-6 bold on italic text stays shown and becomes a format suggestion recording the italic', () => {
    const state = suggesting([text('The '), text('quiet', italic), text(' harbour.')]);
    const next = state.apply(state.tr.addMark(5, 10, bold));
    expect(runs(next.doc)).toEqual([
      ['The ', []],
      ['quiet', ['bold', 'italic', 'suggestionFormat:s1']],
      [' harbour.', []],
    ]);
    expect(listSuggestions(next.doc)).toMatchObject([
      { id: 's1', authorId: 'cora', kind: 'format', formatted: 'quiet', marksAdded: ['bold'] },
    ]);
    expect(runs(settled(next, 'accept').doc)[1]).toEqual(['quiet', ['bold', 'italic']]);
    expect(runs(settled(next, 'reject').doc)[1]).toEqual(['quiet', ['italic']]);
  });

  it('SUG-6 a second change keeps the first record, and formatting put back drops the suggestion', () => {
    const state = suggesting('Plain words');
    const bolded = state.apply(state.tr.addMark(1, 6, bold));
    const both = bolded.apply(bolded.tr.addMark(1, 6, italic));
    expect(runs(both.doc)[0]).toEqual(['Plain', ['bold', 'italic', 'suggestionFormat:s1']]);
    expect(runs(settled(both, 'reject').doc)).toEqual([['Plain words', []]]);
    const undone = both.apply(both.tr.removeMark(1, 6, bold).removeMark(1, 6, italic));
    expect(runs(undone.doc)).toEqual([['Plain words', []]]);
  });

  it('SUG-6 making bold text code records the bold; the writer’s own proposed text gets no format mark', () => {
    const state = suggesting([text('Loud', bold), text(' words')]);
    const typed = edit(state, 11, (tr) => tr.insertText(' more'));
    const coded = typed.apply(typed.tr.addMark(1, 16, code));
    expect(runs(coded.doc)).toEqual([
      ['Loud', ['code', 'suggestionFormat:s2']],
      [' words', ['code', 'suggestionFormat:s2']],
      [' more', ['code', 'suggestionInsert:s1']],
    ]);
    expect(runs(settled(coded, 'reject').doc)).toEqual([
      ['Loud', ['bold']],
      [' words', []],
    ]);
  });
});

const blockAttrs = (doc: PmNode, index: number) =>
  doc.child(index).attrs.blockSuggestion as unknown;
const cora1 = (id: string) => ({
  id,
  authorId: 'cora',
  authorName: 'Cora',
  createdAt: '2025-03-01T09:00:00.000Z',
});

describe('Suggesting mode: paragraph breaks and block types', () => {
  it('SUG-8 Enter suggests a break: rejected, the paragraph is whole again; accepted, the break stays', () => {
    const state = suggesting('Handed over', { suggestionsOnly: true });
    const split = edit(state, 7, (tr) => tr.split(7));
    expect(split.doc.childCount).toBe(2);
    expect(blockAttrs(split.doc, 0)).toBeNull();
    expect(blockAttrs(split.doc, 1)).toEqual({ ...cora1('s1'), split: true });
    expect(settled(split, 'reject').doc.toJSON()).toEqual(state.doc.toJSON());
    const accepted = settled(split, 'accept').doc;
    expect(accepted.childCount).toBe(2);
    expect(blockAttrs(accepted, 1)).toBeNull();
  });

  it('SUG-8 a new paragraph and its text are one suggestion; Backspace at its start takes the break back', () => {
    const state = suggesting('First.', { suggestionsOnly: true });
    let next = edit(state, 7, (tr) => tr.split(7));
    next = edit(next, 9, (tr) => tr.insertText('Second.'));
    expect(listSuggestions(next.doc)).toMatchObject([
      { id: 's1', kind: 'insert', inserted: 'Second.', block: { split: true } },
    ]);
    const empty = edit(state, 7, (tr) => tr.split(7));
    const joined = edit(empty, 9, (tr) => tr.delete(7, 9));
    expect(joined.doc.eq(state.doc)).toBe(true);
    // A block whose type, not its break, is their suggestion keeps its break.
    const twoBlocks = state.apply(
      state.tr.split(7).setMeta(ySyncPluginKey, { isChangeOrigin: true }),
    );
    const retyped = twoBlocks.apply(
      twoBlocks.tr.setBlockType(9, 9, schema.nodes.heading!, { level: 2 }),
    );
    expect(blockAttrs(retyped.doc, 1)).toEqual({
      ...cora1(expect.any(String) as string),
      before: { type: 'paragraph' },
    });
    const kept = edit(retyped, 9, (tr) => tr.delete(7, 9));
    expect(kept.doc.childCount).toBe(2);
  });

  it('SUG-8 a paragraph made a heading records it was a paragraph; made a paragraph again, the record goes', () => {
    const state = suggesting('Night shift', { suggestionsOnly: true });
    const heading = state.apply(state.tr.setBlockType(1, 1, schema.nodes.heading!, { level: 2 }));
    expect(heading.doc.firstChild!.type.name).toBe('heading');
    expect(blockAttrs(heading.doc, 0)).toEqual({ ...cora1('s1'), before: { type: 'paragraph' } });
    const h3 = heading.apply(heading.tr.setBlockType(1, 1, schema.nodes.heading!, { level: 3 }));
    expect(blockAttrs(h3.doc, 0)).toEqual({ ...cora1('s1'), before: { type: 'paragraph' } });
    expect(settled(h3, 'reject').doc.eq(state.doc)).toBe(true);
    const back = h3.apply(h3.tr.setBlockType(1, 1, schema.nodes.paragraph!));
    expect(back.doc.eq(state.doc)).toBe(true);
  });

  it('SUG-9 Backspace at a paragraph’s start suggests taking the break out and steps over it; Delete at the end before does too', () => {
    const state = suggesting('Handed over', { suggestionsOnly: true });
    const twoBlocks = state.apply(
      state.tr.split(7).setMeta(ySyncPluginKey, { isChangeOrigin: true }),
    );
    const joined = edit(twoBlocks, 9, (tr) => tr.delete(7, 9));
    expect(joined.doc.childCount).toBe(2);
    expect(blockAttrs(joined.doc, 1)).toEqual({ ...cora1('s1'), join: true });
    expect(joined.selection.head).toBe(7);
    expect(settled(joined, 'accept').doc.eq(state.doc)).toBe(true);
    expect(settled(joined, 'reject').doc.eq(twoBlocks.doc)).toBe(true);
    // Again at the same break: still one suggestion.
    const again = edit(joined, 9, (tr) => tr.delete(7, 9));
    expect(listSuggestions(again.doc)).toHaveLength(1);

    const deleted = edit(twoBlocks, 7, (tr) => tr.delete(7, 9));
    expect(blockAttrs(deleted.doc, 1)).toEqual({
      ...cora1(expect.any(String) as string),
      join: true,
    });
    expect(deleted.selection.head).toBe(9);
  });

  it('SUG-8 Enter in a list item suggests a new item; the break between two items taken out becomes a suggested join', () => {
    const li = (words: string) =>
      schema.node('listItem', null, [schema.node('paragraph', null, [schema.text(words)])]);
    const base = suggesting('unused', { suggestionsOnly: true });
    const list = schema.node('doc', null, [
      schema.node('bulletList', null, [li('First item'), li('Second')]),
    ]);
    const state = base.apply(
      base.tr
        .replaceWith(0, base.doc.content.size, list)
        .setMeta(ySyncPluginKey, { isChangeOrigin: true }),
    );
    // "First" ends at 8: a commenter's Enter there.
    const split = command(state, 8, splitListItem(schema.nodes.listItem!));
    expect(split.doc.firstChild!.childCount).toBe(3);
    expect(split.doc.firstChild!.child(1).firstChild!.attrs.blockSuggestion).toMatchObject({
      split: true,
    });
    expect(listSuggestions(split.doc)).toMatchObject([
      { block: { split: true, inListItem: true } },
    ]);
    expect(settled(split, 'reject').doc.eq(state.doc)).toBe(true);

    // "Second" starts at 17: the break between the items taken out, as joinBackward would.
    const joined = edit(state, 17, (tr) => tr.delete(13, 17));
    expect(joined.doc.firstChild!.childCount).toBe(2);
    expect(joined.doc.firstChild!.child(1).firstChild!.attrs.blockSuggestion).toMatchObject({
      join: true,
    });
    expect(joined.selection.head).toBe(13);
    const accepted = settled(joined, 'accept').doc;
    expect(accepted.firstChild!.childCount).toBe(1);
    expect(accepted.textContent).toBe('First itemSecond');
  });

  it('SUG-9 a break before a block someone else suggested something about is not taken out', () => {
    const bos = { ...cora1('b1'), authorId: 'bo', authorName: 'Bo', before: { type: 'paragraph' } };
    const state = suggesting('Handed over', { suggestionsOnly: true });
    const marked = state.apply(
      state.tr
        .split(7)
        .setNodeAttribute(7 + 2 - 1, 'blockSuggestion', bos)
        .setMeta(ySyncPluginKey, { isChangeOrigin: true }),
    );
    expect(blockAttrs(marked.doc, 1)).toEqual(bos);
    const backspaced = edit(marked, 9, (tr) => tr.delete(7, 9));
    expect(backspaced.doc.eq(marked.doc)).toBe(true);
  });

  it('SUG-8 a suggestions-only writer cannot retype a block someone else suggested something about', () => {
    const bos = { ...cora1('b1'), authorId: 'bo', authorName: 'Bo', split: true };
    const state = suggesting('Theirs', { suggestionsOnly: true });
    const marked = state.apply(
      state.tr
        .setNodeAttribute(0, 'blockSuggestion', bos)
        .setMeta(ySyncPluginKey, { isChangeOrigin: true }),
    );
    const heading = marked.apply(marked.tr.setBlockType(1, 1, schema.nodes.heading!, { level: 1 }));
    expect(heading.doc.eq(marked.doc)).toBe(true);
  });
});
