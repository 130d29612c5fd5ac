import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { SharedMessage } from './collabSocket.ts';
import { WsCollabSocket } from './wsTransport.ts';

let server: WebSocketServer | null = null;
afterEach(() => server?.close());

/** A real server-side ws socket and the client at the other end. */
async function socketPair() {
  server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const accepted = once(server, 'connection') as Promise<[WebSocket]>;
  const client = new WebSocket(`ws://127.0.0.1:${port}`);
  client.binaryType = 'nodebuffer';
  const [serverSide] = await accepted;
  await once(client, 'open');
  return { socket: new WsCollabSocket(serverSide), client };
}

function received(client: WebSocket, count: number): Promise<Buffer[]> {
  const messages: Buffer[] = [];
  return new Promise((resolve) => {
    client.on('message', (data: Buffer) => {
      messages.push(data);
      if (messages.length === count) resolve(messages);
    });
  });
}

describe('shared messages on a websocket', () => {
  it('are written as one prebuilt frame, in order with ordinary sends', async () => {
    const { socket, client } = await socketPair();
    const big = new SharedMessage(new Uint8Array(70_000).fill(3));
    const small = new SharedMessage(Uint8Array.of(0, 2, 1));
    const arriving = received(client, 3);
    socket.sendShared(big);
    socket.send(Uint8Array.of(9));
    socket.sendShared(small);
    const messages = await arriving;
    expect(messages.map((m) => m.length)).toEqual([70_000, 1, 3]);
    expect(messages[2]).toEqual(Buffer.from([0, 2, 1]));
    // The frame was built, so the fast path ran (it falls back to ws.send if ws changes).
    expect(big.encoded).not.toBeNull();
    expect(small.encoded).not.toBeNull();
    client.close();
  });

  it('of several messages arrive as those messages, in order', async () => {
    const { socket, client } = await socketPair();
    const pair = new SharedMessage(Uint8Array.of(1, 1), new Uint8Array(300).fill(2));
    const arriving = received(client, 3);
    socket.sendShared(pair);
    socket.send(Uint8Array.of(3));
    const messages = await arriving;
    expect(messages.map((m) => [m[0], m.length])).toEqual([
      [1, 2],
      [2, 300],
      [3, 1],
    ]);
    expect(pair.encoded).not.toBeNull();
    client.close();
  });
});
