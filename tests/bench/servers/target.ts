/** What the runner holds for a running server, and what client processes need to reach it. */

export type ServerKind = 'baton' | 'reference';

/** Serializable: sent to client processes. */
export interface ClientTarget {
  /** Base URL handed to WebsocketProvider; the room name is appended as `/<room>`. */
  serverUrl: string;
  /** Headers on every websocket upgrade (Baton: session cookie and Origin). */
  headers: Record<string, string>;
}

export interface ServerHandle {
  kind: ServerKind;
  pid: number;
  target: ClientTarget;
  /** Creates `count` documents and returns their room names. */
  createRooms(count: number): Promise<string[]>;
  /** Graceful stop (SIGTERM): Baton flushes, compacts and checkpoints. */
  stop(): Promise<void>;
  /** Stops gracefully and starts again on the same store; only servers that have one. */
  restart?(): Promise<ServerHandle>;
  /** Where the server keeps its files; only servers that have a store. */
  dataDir?: string;
}

export interface LaunchOptions {
  /** Directory for `--cpu-prof` output; no profiling when undefined. */
  profileDir?: string;
}
