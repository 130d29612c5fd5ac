/**
 * Server-to-client websocket frames (RFC 6455 § 5.2): each payload one final
 * binary frame, unmasked, so the same bytes are right for every client. Built
 * once per broadcast instead of once per recipient, and written together.
 */
const finalBinary = 0x82;

const headerLength = (length: number) => (length < 126 ? 2 : length < 65_536 ? 4 : 10);

/** The frames of `payloads`, one after the other in one buffer. */
export function binaryFrames(payloads: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const payload of payloads) total += headerLength(payload.length) + payload.length;
  const frames = Buffer.allocUnsafe(total);
  let at = 0;
  for (const payload of payloads) {
    const length = payload.length;
    frames[at] = finalBinary;
    if (length < 126) {
      frames[at + 1] = length;
    } else if (length < 65_536) {
      frames[at + 1] = 126;
      frames.writeUInt16BE(length, at + 2);
    } else {
      frames[at + 1] = 127;
      frames.writeBigUInt64BE(BigInt(length), at + 2);
    }
    at += headerLength(length);
    frames.set(payload, at);
    at += length;
  }
  return frames;
}
