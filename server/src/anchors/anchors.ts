/**
 * Comment anchors: two Yjs relative positions (base64 of
 * `Y.encodeRelativePosition`) on the draft's `default` fragment. They follow
 * concurrent edits without touching the document.
 */
import { DOC_FRAGMENT } from '@baton/shared/protocol.ts';
import * as Y from 'yjs';
import { badRequest } from '../errors/appError.ts';
import { DocumentOffsets } from './documentOffsets.ts';

export interface EncodedAnchor {
  start: string;
  end: string;
}

function decode(encoded: string, field: string): Y.RelativePosition {
  try {
    return Y.decodeRelativePosition(Buffer.from(encoded, 'base64'));
  } catch {
    throw badRequest(`anchor.${field} is not an encoded Yjs relative position.`);
  }
}

/** Whether the position names content this document has (not another installment's). */
function pointsIntoDoc(position: Y.RelativePosition, doc: Y.Doc): boolean {
  const id = position.item ?? position.type;
  if (id) return Y.getState(doc.store, id.client) > id.clock;
  return position.tname === DOC_FRAGMENT;
}

/** Resolves anchors against one state of a draft (build once per request). */
export class AnchorResolver {
  private readonly offsets: DocumentOffsets;

  constructor(private readonly doc: Y.Doc) {
    this.offsets = new DocumentOffsets(doc.getXmlFragment(DOC_FRAGMENT));
  }

  /**
   * The text an anchor covers now; null when that text was deleted (the thread
   * is then shown as detached, with its original quote).
   */
  currentText(anchor: EncodedAnchor): string | null {
    const range = this.range(decode(anchor.start, 'start'), decode(anchor.end, 'end'));
    return range && range.end > range.start
      ? this.offsets.text.slice(range.start, range.end)
      : null;
  }

  /**
   * Whether this state of the draft has the content both ends are tied to.
   * False for another installment's anchor, and for text that has not reached
   * the draft yet (an undo still on its way over the writer's websocket).
   */
  hasContentOf(anchor: EncodedAnchor): boolean {
    return (
      pointsIntoDoc(decode(anchor.start, 'start'), this.doc) &&
      pointsIntoDoc(decode(anchor.end, 'end'), this.doc)
    );
  }

  /** Checks a new anchor: decodable, in this installment's draft, and covering some text. */
  validateNew(anchor: EncodedAnchor): void {
    const start = decode(anchor.start, 'start');
    const end = decode(anchor.end, 'end');
    for (const [position, field] of [
      [start, 'start'],
      [end, 'end'],
    ] as const) {
      if (!pointsIntoDoc(position, this.doc)) {
        throw badRequest(`anchor.${field} does not point into this installment's text.`);
      }
    }
    const range = this.range(start, end);
    if (!range) throw badRequest("The anchor does not point into this installment's text.");
    if (range.end <= range.start)
      throw badRequest('The anchor must cover some text, start before end.');
  }

  private range(start: Y.RelativePosition, end: Y.RelativePosition) {
    const absStart = Y.createAbsolutePositionFromRelativePosition(start, this.doc);
    const absEnd = Y.createAbsolutePositionFromRelativePosition(end, this.doc);
    if (!absStart || !absEnd) return null;
    const s = this.offsets.offsetOf(absStart);
    const e = this.offsets.offsetOf(absEnd);
    return s === null || e === null ? null : { start: s, end: e };
  }
}
