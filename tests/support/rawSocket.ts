/** A bare `ws` client for protocol-level tests: what the server sends, and how it closes. */
import WebSocket from 'ws';

export interface UpgradeOutcome {
  /** HTTP status when the upgrade was refused; undefined when it was accepted. */
  refusedWith?: number;
  /** Frames received before the socket ended. */
  frames: number;
  /** The refusal's Retry-After header; only present when the response had one. */
  retryAfter?: string;
}

/** Tries to open a collab socket and reports whether the upgrade was refused. */
export function attemptUpgrade(
  url: string,
  headers: Record<string, string>,
): Promise<UpgradeOutcome> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    let frames = 0;
    ws.on('message', () => frames++);
    ws.on('unexpected-response', (_req, res) => {
      res.resume();
      const retryAfter = res.headers['retry-after'];
      res.on('end', () =>
        resolve(
          retryAfter === undefined
            ? { refusedWith: res.statusCode, frames }
            : { refusedWith: res.statusCode, frames, retryAfter },
        ),
      );
    });
    ws.on('open', () => {
      ws.close();
      resolve({ frames });
    });
    ws.on('error', (error) => reject(error));
  });
}

export interface OpenSocket {
  ws: WebSocket;
  /** Resolves with the close code once the server closes the socket. */
  closed: Promise<number>;
}

/** Opens an authenticated socket and waits for the server's first frame (the load finished). */
export function openSocket(url: string, headers: Record<string, string>): Promise<OpenSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    const closed = new Promise<number>((done) => ws.once('close', (code) => done(code)));
    ws.once('message', () => resolve({ ws, closed }));
    ws.once('error', reject);
  });
}
