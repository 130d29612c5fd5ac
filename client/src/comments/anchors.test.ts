import { getSchema } from '@tiptap/core';
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentExtensions } from '@baton/shared/editor.ts';
import { DOC_FRAGMENT } from '@baton/shared/protocol.ts';
import { anchorFromRange, decodeAnchor, placeAnchor, type EncodedAnchor } from './anchors.ts';

const schema = getSchema(documentExtensions());

/** A draft with these paragraphs, as the server and other writers hold it. */
function draft(...paragraphs: string[]) {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(DOC_FRAGMENT);
  prosemirrorJSONToYXmlFragment(
    schema,
    {
      type: 'doc',
      content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
    },
    fragment,
  );
  const text = (n: number) => (fragment.get(n) as Y.XmlElement).get(0) as Y.XmlText;
  /** What the editor shows now, with the binding's mapping. */
  const view = () => {
    const { doc: pmDoc, mapping } = initProseMirrorDoc(fragment, schema);
    return { pmDoc, context: { doc, fragment, mapping } };
  };
  /** Anchors the text between two offsets of paragraph 0, as a selection would. */
  const anchor = (from: number, to: number): EncodedAnchor => {
    const { context } = view();
    const made = anchorFromRange(context, { from: 1 + from, to: 1 + to });
    if (!made) throw new Error('no anchor');
    return made;
  };
  /** The text the anchor covers now, or where it is when it covers none. */
  const covered = (anchor: EncodedAnchor) => {
    const { pmDoc, context } = view();
    const decoded = decodeAnchor(anchor);
    if (!decoded) throw new Error('undecodable');
    const place = placeAnchor(context, decoded, pmDoc);
    return typeof place === 'string' ? place : pmDoc.textBetween(place.from, place.to, '\n');
  };
  return { doc, fragment, text, view, anchor, covered };
}

describe('comment anchors', () => {
  it('CMT-1 places a passage at the very start of the document', () => {
    const d = draft('The night shift handed me the baton.');
    expect(d.covered(d.anchor(0, 3))).toBe('The');
  });

  it('CMT-1 follows text inserted before, inside and after the passage', () => {
    const d = draft('The night shift handed me the baton.');
    const a = d.anchor(4, 15); // "night shift"
    d.text(0).insert(0, 'Then ');
    expect(d.covered(a)).toBe('night shift');
    d.text(0).insert(d.text(0).toString().indexOf('shift'), 'long ');
    expect(d.covered(a)).toBe('night long shift');
    d.text(0).insert(d.text(0).length, ' Later.');
    expect(d.covered(a)).toBe('night long shift');
  });

  it('CMT-1 keeps text typed right at either edge outside the passage', () => {
    const d = draft('one two three');
    const a = d.anchor(4, 7); // "two"
    d.text(0).insert(4, 'X');
    d.text(0).insert(8, 'Y'); // right after "two"
    expect(d.text(0).toString()).toBe('one XtwoY three');
    expect(d.covered(a)).toBe('two');
  });

  it('CMT-1 spans paragraphs', () => {
    const d = draft('First line.', 'Second line.');
    // "line." of the first paragraph to "Second" of the next (its text starts at 14).
    const a = anchorFromRange(d.view().context, { from: 7, to: 20 });
    expect(a && d.covered(a)).toBe('line.\nSecond');
  });

  it('CMT-2 is detached once its text is deleted, and shrinks when part of it is', () => {
    const d = draft('one two three');
    const a = d.anchor(4, 7); // "two"
    const b = d.anchor(0, 7); // "one two"
    d.text(0).delete(3, 4); // " two"
    expect(d.covered(a)).toBe('detached');
    expect(d.covered(b)).toBe('one');
  });

  it('CMT-2 is unknown, not detached, before this tab has the text', () => {
    const d = draft('Not synced yet.');
    const a = d.anchor(0, 3);
    const empty = new Y.Doc();
    const { doc: pmDoc, mapping } = initProseMirrorDoc(empty.getXmlFragment(DOC_FRAGMENT), schema);
    const context = { doc: empty, fragment: empty.getXmlFragment(DOC_FRAGMENT), mapping };
    expect(placeAnchor(context, decodeAnchor(a)!, pmDoc)).toBe('unknown');
  });
});
