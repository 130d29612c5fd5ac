/**
 * The websocket edge: adapts a `ws` socket to the sync core and keeps it alive.
 * Text frames are not part of the protocol and close the socket (1003).
 */
import { CloseCode } from '@baton/shared/protocol.ts';
import type { WebSocket } from 'ws';
import type { Logger } from '../config/logger.ts';
import type { CollabSocket } from './collabSocket.ts';
import type { Connection } from './connection.ts';

export function adaptWebSocket(ws: WebSocket): CollabSocket {
  return {
    send(message) {
      if (ws.readyState === ws.OPEN) ws.send(message, { binary: true });
    },
    close(code, reason) {
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, reason);
    },
  };
}

/** Wires a socket's events to its connection: frames, close, errors and keepalive. */
export function bindWebSocket(
  ws: WebSocket,
  connection: Connection,
  keepaliveIntervalMs: number,
  logger: Logger,
): void {
  let alive = true;
  const keepalive = setInterval(() => {
    if (!alive) {
      connection.close(CloseCode.keepaliveTimeout, 'no keepalive reply');
      ws.terminate();
      return;
    }
    alive = false;
    ws.ping();
  }, keepaliveIntervalMs);
  keepalive.unref();

  ws.on('pong', () => {
    alive = true;
  });
  ws.on('message', (data, isBinary) => {
    alive = true;
    if (!isBinary) {
      connection.close(CloseCode.unsupportedData, 'text frames are not supported');
      return;
    }
    connection.receive(toUint8Array(data));
  });
  ws.on('error', (error) => {
    // ws closes the socket after an error (for example a frame over maxPayload).
    logger.debug('websocket error', { error });
  });
  ws.on('close', () => {
    clearInterval(keepalive);
    connection.handleClosed();
  });
}

function toUint8Array(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
