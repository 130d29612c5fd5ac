import { documentJson } from '@baton/shared/blockSuggestions.ts';
import { DOC_FRAGMENT } from '@baton/shared/protocol.ts';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editorSchema } from './editorSchema.ts';
import { readFragment } from './readFragment.ts';

/** A paragraph holding `text`, with optional formatting over all of it. */
function paragraph(text: string, attributes?: Record<string, unknown>): Y.XmlElement {
  return paragraphOf([text, attributes]);
}

/** A paragraph of runs of text, each with its own formatting. */
function paragraphOf(...runs: Array<[string, Record<string, unknown>?]>): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  const content = new Y.XmlText();
  let at = 0;
  for (const [text, attributes] of runs) {
    content.insert(at, text, attributes);
    at += text.length;
  }
  element.insert(0, [content]);
  return element;
}

function heading(level: number, text: string): Y.XmlElement {
  const element = new Y.XmlElement('heading');
  element.setAttribute('level', level as unknown as string);
  const content = new Y.XmlText();
  content.insert(0, text);
  element.insert(0, [content]);
  return element;
}

function draft(build: (fragment: Y.XmlFragment) => void): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => build(doc.getXmlFragment(DOC_FRAGMENT)));
  return doc;
}

/** Reads the draft and reports whether that changed it. */
function readAndWatch(doc: Y.Doc) {
  const before = Y.encodeStateAsUpdate(doc);
  let transactions = 0;
  doc.on('afterTransaction', () => transactions++);
  const node = readFragment(doc.getXmlFragment(DOC_FRAGMENT), editorSchema);
  return {
    json: documentJson(node),
    transactions,
    unchanged: Y.equalSnapshots(Y.snapshot(doc), snapshotOf(before)),
  };
}

function snapshotOf(update: Uint8Array): Y.Snapshot {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return Y.snapshot(doc);
}

const suggestion = (id: string) => ({
  id,
  authorId: 'u1',
  authorName: 'Ada',
  createdAt: '2025-01-01T00:00:00.000Z',
});

describe('reading a draft', () => {
  it('SYNC-16 content that fits the schema reads as y-tiptap reads it', () => {
    const build = (fragment: Y.XmlFragment) => {
      fragment.insert(0, [
        heading(2, 'Chapter one'),
        paragraph('plain words'),
        paragraph('bold words', { bold: true }),
        paragraph('a link', { link: { href: 'https://example.com/', target: null } }),
        paragraphOf(['start '], ['italic end', { italic: true }]),
        paragraphOf(
          ['kept '],
          ['proposed', { suggestionInsert: suggestion('s1'), bold: {} }],
          [' struck', { suggestionDelete: suggestion('s2') }],
        ),
      ]);
    };
    const ours = readFragment(draft(build).getXmlFragment(DOC_FRAGMENT), editorSchema).toJSON();
    const theirs = yXmlFragmentToProseMirrorRootNode(
      draft(build).getXmlFragment(DOC_FRAGMENT),
      editorSchema,
    ).toJSON();
    expect(ours).toEqual(theirs);
    expect(JSON.stringify(ours)).toContain('italic end');
    // SUG-1 suggestion marks are read with their attributes, like any other mark.
    expect(JSON.stringify(ours)).toContain('"type":"suggestionInsert","attrs":{"id":"s1"');
  });

  it('SYNC-16 what does not fit is left out of the result and left alone in the document', () => {
    const doc = draft((fragment) => {
      fragment.insert(0, [
        paragraph('kept'),
        new Y.XmlElement('marquee'),
        paragraph('formatting nobody knows', { blink: true, bold: true }),
        new Y.XmlText('a text straight under the root'),
      ]);
      const unknownInside = new Y.XmlElement('paragraph');
      unknownInside.insert(0, [new Y.XmlElement('spaceship'), new Y.XmlText('beside it')]);
      fragment.insert(4, [unknownInside]);
    });
    const { json, transactions, unchanged } = readAndWatch(doc);
    expect(transactions).toBe(0);
    expect(unchanged).toBe(true);
    expect(json).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'kept' }] },
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'formatting nobody knows', marks: [{ type: 'bold' }] }],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'beside it' }] },
      ],
    });
  });

  it('SYNC-16 y-tiptap would have edited the same document (why the server reads with its own reader)', () => {
    const doc = draft((fragment) =>
      fragment.insert(0, [paragraph('kept'), new Y.XmlElement('marquee')]),
    );
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOC_FRAGMENT), editorSchema);
    expect(transactions).toBeGreaterThan(0);
  });
});
