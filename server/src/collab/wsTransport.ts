/**
 * The websocket edge: adapts a `ws` socket to the sync core and keeps it alive.
 * Text frames are not part of the protocol and close the socket (1003).
 * Per-socket state is kept small: idle connections are most of a server's memory.
 */
import { CloseCode } from '@baton/shared/protocol.ts';
import type { WebSocket } from 'ws';
import type { Logger } from '../config/logger.ts';
import type { CollabSocket, SharedMessage } from './collabSocket.ts';
import type { Connection } from './connection.ts';
import { binaryFrames } from './wsFrame.ts';

/** The parts of a `ws` socket a shared frame is written through (not in its typings). */
interface WsInternals {
  _socket?: { write(chunk: Uint8Array): boolean };
  _sender?: { _state?: number; _queue?: unknown[] };
}

/** `ws`'s Sender writes at once in this state; otherwise it queues, and so must we. */
const senderIdle = 0;

export class WsCollabSocket implements CollabSocket {
  constructor(private readonly ws: WebSocket) {}

  send(message: Uint8Array): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(message, { binary: true });
  }

  /**
   * Writes the frames built once for every recipient straight to the socket,
   * in one write, where `ws` would build its own frames for each one and write
   * each in two pieces (half the server's CPU in a busy room is these writes).
   * Safe only while `ws` has nothing queued (it queues only to compress, which
   * is off, or to read a Blob, which we never send); otherwise the ordinary path.
   */
  sendShared(message: SharedMessage): void {
    const { ws } = this;
    if (ws.readyState !== ws.OPEN) return;
    const { _socket: socket, _sender: sender } = ws as unknown as WsInternals;
    const senderBusy = sender?._state !== senderIdle || (sender._queue?.length ?? 1) > 0;
    if (!socket || senderBusy) {
      for (const bytes of message.messages) ws.send(bytes, { binary: true });
      return;
    }
    socket.write((message.encoded ??= binaryFrames(message.messages)));
  }

  close(code: number, reason: string): void {
    const { ws } = this;
    if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, reason);
  }
}

/**
 * One timer for every socket: each interval, a socket that answered nothing
 * since the last ping is closed (4008), the others are pinged again.
 */
export class Keepalive {
  /** Each socket and whether it showed a sign of life since the last round. */
  private readonly sockets = new Map<WebSocket, { connection: Connection; alive: boolean }>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly intervalMs: number) {}

  watch(ws: WebSocket, connection: Connection): void {
    this.sockets.set(ws, { connection, alive: true });
    if (!this.timer) {
      this.timer = setInterval(() => this.round(), this.intervalMs);
      this.timer.unref();
    }
  }

  /** The socket sent something (a pong or a message). */
  alive(ws: WebSocket): void {
    const entry = this.sockets.get(ws);
    if (entry) entry.alive = true;
  }

  forget(ws: WebSocket): void {
    this.sockets.delete(ws);
    if (this.sockets.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  private round(): void {
    for (const [ws, entry] of this.sockets) {
      if (!entry.alive) {
        entry.connection.close(CloseCode.keepaliveTimeout, 'no keepalive reply');
        ws.terminate();
        this.forget(ws);
      } else {
        entry.alive = false;
        ws.ping();
      }
    }
  }
}

/** Wires a socket's events to its connection: frames, close, errors and keepalive. */
export function bindWebSocket(
  ws: WebSocket,
  connection: Connection,
  keepalive: Keepalive,
  logger: Logger,
): void {
  keepalive.watch(ws, connection);
  ws.on('pong', () => keepalive.alive(ws));
  ws.on('message', (data, isBinary) => {
    keepalive.alive(ws);
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
    keepalive.forget(ws);
    connection.handleClosed();
  });
}

function toUint8Array(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
