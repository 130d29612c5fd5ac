/**
 * Anchors on text that undo or redo brought back. Yjs restores deleted text
 * as new content and links the old characters to it (`Item.redone`) only in
 * the document of the tab that undid: that tab alone can tell where a thread
 * on the old characters belongs now (decision 0005).
 */
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import type { EncodedAnchor } from './anchors.ts';

/** Whether following `redone` from the character at `id` ends on a live one. */
function restoredAlive(store: Y.Doc['store'], id: Y.ID): boolean {
  let next: Y.ID | null = id;
  let item: Y.Item | Y.GC | null = null;
  let offset = 0;
  // The same walk as Yjs's `followRedone`, which it does not export.
  while (next !== null) {
    if (offset > 0) next = Y.createID(next.client, next.clock + offset);
    if (Y.getState(store, next.client) <= next.clock) return false;
    item = Y.getItem(store, next) as Y.Item | Y.GC;
    if (!(item instanceof Y.Item)) return false;
    offset = next.clock - item.id.clock;
    next = item.redone;
  }
  return item instanceof Y.Item && !item.deleted;
}

/**
 * The position on the restored copy of a deleted character this position is
 * tied to, with the same stickiness; null when it is not tied to such a
 * character (live, deleted for good, or deleted again by a redo).
 */
function restoredPosition(doc: Y.Doc, position: Y.RelativePosition): Y.RelativePosition | null {
  const id = position.item;
  if (!id || Y.getState(doc.store, id.client) <= id.clock) return null;
  const tied = Y.getItem(doc.store, id) as Y.Item | Y.GC;
  if (!(tied instanceof Y.Item) || !tied.deleted || tied.redone === null) return null;
  if (!restoredAlive(doc.store, id)) return null;
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc, true);
  if (!absolute) return null;
  // At the index of the restored character (assoc ≥ 0) or just after it (assoc < 0), so the
  // new position is tied to that character, as the old one was to its original.
  return Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, position.assoc);
}

function decode(encoded: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(fromBase64(encoded));
  } catch {
    return null;
  }
}

/** The same end, or the one on its restored text. */
function follow(doc: Y.Doc, encoded: string): string | null {
  const position = decode(encoded);
  if (!position) return null;
  const restored = restoredPosition(doc, position);
  return restored ? toBase64(Y.encodeRelativePosition(restored)) : encoded;
}

/**
 * The anchor moved onto the text this document's undo or redo restored, or
 * null when neither end is on such text (nothing to move).
 */
export function restoredAnchor(doc: Y.Doc, anchor: EncodedAnchor): EncodedAnchor | null {
  const start = follow(doc, anchor.start);
  const end = follow(doc, anchor.end);
  if (start === null || end === null) return null;
  if (start === anchor.start && end === anchor.end) return null;
  return { start, end };
}
