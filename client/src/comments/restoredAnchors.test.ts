import { getSchema } from '@tiptap/core';
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentExtensions } from '@baton/shared/editor.ts';
import { DOC_FRAGMENT } from '@baton/shared/protocol.ts';
import { anchorFromRange, decodeAnchor, placeAnchor, type EncodedAnchor } from './anchors.ts';
import { restoredAnchor } from './restoredAnchors.ts';

const schema = getSchema(documentExtensions());

/** A writer's draft with an undo manager, and a co-writer's copy kept in sync by updates. */
function writers(...paragraphs: string[]) {
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
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  doc.on('update', (update: Uint8Array) => Y.applyUpdate(other, update));
  const undo = new Y.UndoManager(fragment, { captureTimeout: 0 });
  const text = (n: number) => (fragment.get(n) as Y.XmlElement).get(0) as Y.XmlText;
  /** The text `anchor` covers in `where`, as the editor places it, or 'detached'. */
  const covered = (where: Y.Doc, anchor: EncodedAnchor) => {
    const whereFragment = where.getXmlFragment(DOC_FRAGMENT);
    const { doc: pmDoc, mapping } = initProseMirrorDoc(whereFragment, schema);
    const place = placeAnchor(
      { doc: where, fragment: whereFragment, mapping },
      decodeAnchor(anchor)!,
      pmDoc,
    );
    return typeof place === 'string' ? place : pmDoc.textBetween(place.from, place.to, '\n');
  };
  /** Anchors the text between two offsets of paragraph 0, as a selection would. */
  const anchor = (from: number, to: number): EncodedAnchor => {
    const { mapping } = initProseMirrorDoc(fragment, schema);
    return anchorFromRange({ doc, fragment, mapping }, { from: 1 + from, to: 1 + to })!;
  };
  return { doc, other, fragment, undo, text, covered, anchor };
}

describe('anchors on text brought back by undo', () => {
  it('CMT-8 moves an anchor onto the restored text, where every copy of the draft places it', () => {
    const w = writers('The night shift handed me the baton.');
    const a = w.anchor(16, 35); // "handed me the baton"
    expect(restoredAnchor(w.doc, a)).toBeNull(); // live text: nothing to move
    w.text(0).delete(16, 19);
    expect(restoredAnchor(w.doc, a)).toBeNull(); // deleted, not restored
    w.undo.undo();
    // The writer who undid finds the passage through the old anchor; the co-writer cannot.
    expect(w.covered(w.doc, a)).toBe('handed me the baton');
    expect(w.covered(w.other, a)).toBe('detached');
    const moved = restoredAnchor(w.doc, a)!;
    expect(w.covered(w.other, moved)).toBe('handed me the baton');
    expect(w.covered(w.doc, moved)).toBe('handed me the baton');
    expect(restoredAnchor(w.doc, moved)).toBeNull();
    // Text typed right at its edges stays outside, as before.
    w.text(0).insert(16, '(');
    w.text(0).insert(36, ')');
    expect(w.covered(w.other, moved)).toBe('handed me the baton');
  });

  it('CMT-8 redo deletes it again (nothing to move); undo again moves old and moved anchors alike', () => {
    const w = writers('one two three');
    const a = w.anchor(4, 7); // "two"
    w.text(0).delete(3, 4); // " two"
    w.undo.undo();
    const moved = restoredAnchor(w.doc, a)!;
    w.undo.redo();
    expect(restoredAnchor(w.doc, a)).toBeNull();
    expect(restoredAnchor(w.doc, moved)).toBeNull();
    expect(w.covered(w.doc, moved)).toBe('detached');
    w.undo.undo();
    for (const anchor of [a, moved]) {
      expect(w.covered(w.other, restoredAnchor(w.doc, anchor)!)).toBe('two');
    }
  });

  it('CMT-8 moves only the end that was deleted, and follows a whole paragraph brought back', () => {
    const w = writers('Keep this.', 'The night shift handed me the baton.', 'After.');
    const { mapping } = initProseMirrorDoc(w.fragment, schema);
    // "this." … "night shift" across the first two paragraphs (the second's text starts at 13).
    const across = anchorFromRange(
      { doc: w.doc, fragment: w.fragment, mapping },
      { from: 6, to: 13 + 15 },
    )!;
    expect(w.covered(w.other, across)).toBe('this.\nThe night shift');
    w.fragment.delete(1, 1); // the whole second paragraph
    expect(restoredAnchor(w.doc, across)).toBeNull();
    w.undo.undo();
    const moved = restoredAnchor(w.doc, across)!;
    expect(moved.start).toBe(across.start);
    expect(moved.end).not.toBe(across.end);
    expect(w.covered(w.other, moved)).toBe('this.\nThe night shift');
  });
});
