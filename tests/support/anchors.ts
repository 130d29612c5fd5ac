/** Builds and resolves comment anchors the way a client does, on the draft's XmlText. */
import { DOC_FRAGMENT } from '@baton/shared/protocol.ts';
import * as Y from 'yjs';

export function encode(position: Y.RelativePosition): string {
  return Buffer.from(Y.encodeRelativePosition(position)).toString('base64');
}

/** The XmlText of the n-th paragraph. */
export function paragraphText(doc: Y.Doc, n: number): Y.XmlText {
  const paragraph = doc.getXmlFragment(DOC_FRAGMENT).get(n) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

/** An anchor on [from, to) of one paragraph: start sticks right, end sticks left, like a selection. */
export function anchorOn(text: Y.XmlText, from: number, to: number) {
  return {
    start: encode(Y.createRelativePositionFromTypeIndex(text, from, 0)),
    end: encode(Y.createRelativePositionFromTypeIndex(text, to, -1)),
  };
}

/** The text an anchor covers in `doc`, when both ends land in the same XmlText. */
export function resolvedText(doc: Y.Doc, anchor: { start: string; end: string }): string | null {
  const decode = (b64: string) => Y.decodeRelativePosition(Buffer.from(b64, 'base64'));
  const start = Y.createAbsolutePositionFromRelativePosition(decode(anchor.start), doc);
  const end = Y.createAbsolutePositionFromRelativePosition(decode(anchor.end), doc);
  if (!start || !end || start.type !== end.type || !(start.type instanceof Y.XmlText)) return null;
  return start.type.toString().slice(start.index, end.index);
}
