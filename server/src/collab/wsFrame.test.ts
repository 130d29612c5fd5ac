import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { binaryFrames } from './wsFrame.ts';

/** ws's own framing, as its Sender builds a server's (unmasked) binary frame. */
const { Sender } = createRequire(import.meta.url)('ws') as {
  Sender: { frame(data: Buffer, options: Record<string, unknown>): Buffer[] };
};
function wsFrame(payload: Buffer): Buffer {
  const options = { fin: true, rsv1: false, opcode: 2, mask: false, readOnly: false };
  return Buffer.concat(Sender.frame(payload, options));
}

describe('websocket frames built once for every recipient', () => {
  it.each([0, 1, 125, 126, 65_535, 65_536, 200_000])(
    'a %i-byte message is framed exactly as ws frames it',
    (length) => {
      const payload = Buffer.alloc(length, 7);
      expect(Buffer.from(binaryFrames([payload])).equals(wsFrame(payload))).toBe(true);
    },
  );

  it('several messages are their frames one after the other', () => {
    const payloads = [Buffer.alloc(3, 1), Buffer.alloc(300, 2), Buffer.alloc(70_000, 3)];
    const expected = Buffer.concat(payloads.map(wsFrame));
    expect(Buffer.from(binaryFrames(payloads)).equals(expected)).toBe(true);
  });
});
