/**
 * Comment anchors on the client: a pair of Yjs relative positions on the
 * draft's `default` XmlFragment (base64 of `Y.encodeRelativePosition`), made
 * from a ProseMirror selection and resolved back to ProseMirror positions.
 * They follow concurrent edits because Yjs does; the document is never changed.
 */
import type { Node as PmNode } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import {
  absolutePositionToRelativePosition,
  ySyncPluginKey,
  type ProsemirrorBinding,
} from '@tiptap/y-tiptap';
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';

export interface EncodedAnchor {
  start: string;
  end: string;
}

export interface DecodedAnchor {
  start: Y.RelativePosition;
  end: Y.RelativePosition;
}

/** A ProseMirror range, `from < to`. */
export interface PmRange {
  from: number;
  to: number;
}

/**
 * Where an anchor is in the current document: a range, `detached` when its text
 * was deleted, or `unknown` while this tab has not received that text yet
 * (before the first sync): then the server's `detached` flag is the best guess.
 */
export type AnchorPlace = PmRange | 'detached' | 'unknown';

/** What the y-tiptap binding holds that anchors need. */
export interface AnchorContext {
  doc: Y.Doc;
  fragment: Y.XmlFragment;
  mapping: Map<Y.AbstractType<unknown>, PmNode | PmNode[]>;
}

/** The Yjs side of the editor, once the Collaboration extension has bound it. */
export function anchorContext(state: EditorState): AnchorContext | null {
  const sync = ySyncPluginKey.getState(state) as { binding?: ProsemirrorBinding } | undefined;
  const binding = sync?.binding;
  if (!binding) return null;
  return { doc: binding.doc, fragment: binding.type, mapping: binding.mapping };
}

const encode = (position: Y.RelativePosition) => toBase64(Y.encodeRelativePosition(position));

/** Decodes an anchor; null when it is not a pair of relative positions. */
export function decodeAnchor(anchor: EncodedAnchor): DecodedAnchor | null {
  try {
    return {
      start: Y.decodeRelativePosition(fromBase64(anchor.start)),
      end: Y.decodeRelativePosition(fromBase64(anchor.end)),
    };
  } catch {
    return null;
  }
}

/**
 * The anchor of the selection `from`–`to`. y-tiptap ties both ends to the
 * character before them; the start is re-tied to the character after it, so
 * text typed just before or just after the passage stays outside it, as with
 * a selection (and as the server's anchor tests do).
 */
export function anchorFromRange(context: AnchorContext, range: PmRange): EncodedAnchor | null {
  const { doc, fragment, mapping } = context;
  const rawStart = absolutePositionToRelativePosition(range.from, fragment, mapping) as
    Y.RelativePosition | undefined;
  const end = absolutePositionToRelativePosition(range.to, fragment, mapping) as
    Y.RelativePosition | undefined;
  if (!rawStart || !end) return null;
  let start = rawStart;
  const absolute = Y.createAbsolutePositionFromRelativePosition(rawStart, doc);
  if (absolute) {
    const sticky = Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, 0);
    // Keep the re-tied start only if it lands on the same spot (it always should).
    if (pmPosition(context, sticky) === range.from) start = sticky;
  }
  return { start: encode(start), end: encode(end) };
}

/** Where `anchor` is now in `pmDoc`, the document the binding's mapping describes. */
export function placeAnchor(
  context: AnchorContext,
  anchor: DecodedAnchor,
  pmDoc: PmNode,
): AnchorPlace {
  if (!knows(context.doc, anchor.start) || !knows(context.doc, anchor.end)) return 'unknown';
  // Before y-tiptap's first render the mapping is empty: nothing can be placed yet.
  if (context.mapping.size === 0 && context.fragment.length > 0) return 'unknown';
  const from = pmPosition(context, anchor.start);
  const to = pmPosition(context, anchor.end);
  if (from === null || to === null) return 'detached';
  const size = pmDoc.content.size;
  const range = { from: clamp(from, 0, size), to: clamp(to, 0, size) };
  if (range.to <= range.from || pmDoc.textBetween(range.from, range.to, '\n') === '')
    return 'detached';
  return range;
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

/** Whether this doc has received the content a position is tied to. */
function knows(doc: Y.Doc, position: Y.RelativePosition): boolean {
  const id = position.item ?? position.type;
  return id === null || Y.getState(doc.store, id.client) > id.clock;
}

/**
 * The ProseMirror position of a relative position. This is y-tiptap's
 * `relativePositionToAbsolutePosition` without its "misresolved text position"
 * guard, which refuses a position tied to a character when it lands at
 * ProseMirror position ≤ 1: a start tied to the document's first character
 * (a comment on its first word) could never be placed.
 */
export function pmPosition(context: AnchorContext, position: Y.RelativePosition): number | null {
  const { doc, fragment, mapping } = context;
  const decoded = Y.createAbsolutePositionFromRelativePosition(position, doc);
  if (!decoded) return null;
  let type: Y.AbstractType<unknown> = decoded.type;
  if (type !== fragment && !Y.isParentOf(fragment, type._item)) return null;
  const sizeOf = (child: Y.AbstractType<unknown>): number | null => {
    if (child instanceof Y.XmlText) return child.length;
    const node = mapping.get(child);
    return node && !Array.isArray(node) ? node.nodeSize : null;
  };
  let pos = 0;
  if (type instanceof Y.XmlText) {
    pos = decoded.index;
  } else if (type._item === null || !type._item.deleted) {
    let item = type._first;
    for (let i = 0; i < decoded.index && item !== null; item = item.right) {
      if (item.deleted) continue;
      i++;
      const size = sizeOf((item.content as Y.ContentType).type);
      if (size === null) return null;
      pos += size;
    }
    pos += 1; // out of the element's opening token
  }
  while (type !== fragment && type._item !== null) {
    const parent = type._item.parent as Y.AbstractType<unknown>;
    if (parent._item === null || !parent._item.deleted) {
      pos += 1; // the parent's opening token
      for (let item = parent._first; item !== null; item = item.right) {
        const child = (item.content as Y.ContentType).type;
        if (child === type) break;
        if (item.deleted) continue;
        const size = sizeOf(child);
        if (size === null) return null;
        pos += size;
      }
    }
    type = parent;
  }
  return pos - 1; // the fragment itself has no opening token
}
