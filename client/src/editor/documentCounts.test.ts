import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { documentExtensions } from '@baton/shared/editor.ts';
import { countWords } from '@baton/shared/text.ts';
import { countDocument } from './documentCounts.ts';

const schema = getSchema(documentExtensions());

/** Counting the whole text at once, as Tiptap's CharacterCount does. */
const wholeText = (doc: PmNode) => ({
  words: countWords(doc.textBetween(0, doc.content.size, ' ', ' ')),
  characters: doc.textBetween(0, doc.content.size, undefined, ' ').length,
});

const doc = schema.nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Taking the baton' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'The night’s ' },
        { type: 'text', text: 'well-worn', marks: [{ type: 'bold' }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'relay ended.' },
      ],
    },
    { type: 'horizontalRule' },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }],
        },
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two three' }] }],
        },
      ],
    },
    { type: 'codeBlock', content: [{ type: 'text', text: 'const x = 1;' }] },
    { type: 'paragraph' },
  ],
});

describe('document counts', () => {
  it('equal counting the whole text at once, with lists, rules, line breaks and code', () => {
    expect(countDocument(doc)).toEqual(wholeText(doc));
    expect(countDocument(doc).words).toBe(14);
  });

  it('follow edits: typing in a block, joining two, deleting one', () => {
    expect(countDocument(doc)).toEqual(wholeText(doc));
    const state = EditorState.create({ doc });
    // Inside "Taking the baton", after "Taking".
    const typed = state.tr.insertText(' over', 7).doc;
    expect(countDocument(typed)).toEqual(wholeText(typed));
    expect(countDocument(typed).words).toBe(15);
    const headingEnd = doc.child(0).nodeSize;
    const joined = state.tr.join(headingEnd).doc;
    expect(countDocument(joined)).toEqual(wholeText(joined));
    const removed = state.tr.delete(0, headingEnd).doc;
    expect(countDocument(removed)).toEqual(wholeText(removed));
    expect(countDocument(removed).words).toBe(11);
  });
});
