/**
 * A server-to-client websocket frame (RFC 6455 § 5.2): one final binary frame,
 * unmasked, so the same bytes are right for every client. Built once per
 * broadcast instead of once per recipient.
 */
const finalBinary = 0x82;

export function binaryFrame(payload: Uint8Array): Uint8Array {
  const length = payload.length;
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = finalBinary;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(payload, headerLength);
  return frame;
}
