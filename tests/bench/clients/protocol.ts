/**
 * The message protocol between the runner and its forked client processes.
 * Each request names a command; the reply carries that command's result.
 */
import type { ClientTarget } from '../servers/target.ts';

/** Awareness a simulated user publishes: a named user (as the editor does) or none at all. */
export type AwarenessMode = 'user' | 'none';

export interface ConnectArgs {
  target: ClientTarget;
  /** One client per entry, connected to that room. */
  rooms: string[];
  awareness: AwarenessMode;
  /** Connections opened at once. */
  concurrency: number;
  /**
   * The provider's `resyncInterval`. A silent provider drops its socket after
   * 30 s without a message; idle clients without awareness need this to stay.
   */
  resyncMs?: number;
  timeoutMs: number;
}

export interface ConnectResult {
  /** Milliseconds from opening each socket to the provider's `synced`, for each client. */
  syncMs: number[];
  /** Wall time for the whole batch. */
  totalMs: number;
}

export interface WriteArgs {
  /** Indices (in this process) of the clients that write; the others only read. */
  writers: number[];
  editsPerSecond: number;
  durationMs: number;
  /** Move the writer's caret (an awareness update) with every edit, as the editor does. */
  caret: boolean;
  /** Wall-clock ms: words stamped earlier than this are not counted as deliveries. */
  since: number;
}

export interface WriteResult {
  /** Edits sent, per room. */
  sentByRoom: Record<string, number>;
  /** How late each scheduled edit ran, ms (p95 and max). */
  lateP95Ms: number;
  lateMaxMs: number;
}

export interface LoadReport {
  /** End-to-end latency of every delivered edit, ms. */
  latencies: Float64Array;
  /** Edits delivered to clients of this process. */
  delivered: number;
  /** This process's CPU time over wall time since the write began (1 = one full core). */
  cpuShare: number;
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
}

export interface DigestResult {
  /** Per room, the digest of each client's state vector and content. */
  byRoom: Record<string, string[]>;
  /** Clients whose socket is open. */
  connected: number;
}

export interface ProbeArgs {
  target: ClientTarget;
  room: string;
  times: number;
  /** The state vector a synced client must reach; compared byte for byte. */
  expectStateVector: Uint8Array;
  timeoutMs: number;
}

export interface ProbeResult {
  /** Connect → synced for each fresh client, ms. */
  syncMs: number[];
}

export interface PushArgs {
  target: ClientTarget;
  room: string;
  /** A file holding one Yjs update; a client applies it and keeps the connection open. */
  updatePath: string;
  timeoutMs: number;
}

export interface TypeArgs {
  /** Indices of the clients that type into the first paragraph of their room. */
  writers: number[];
  edits: number;
  editsPerSecond: number;
  seed: number;
}

export interface Commands {
  connect: { args: ConnectArgs; result: ConnectResult };
  prepare: { args: { writers: number[] }; result: null };
  write: { args: WriteArgs; result: WriteResult };
  report: { args: null; result: LoadReport };
  digest: { args: null; result: DigestResult };
  probe: { args: ProbeArgs; result: ProbeResult };
  push: { args: PushArgs; result: null };
  type: { args: TypeArgs; result: { sent: number } };
  disconnect: { args: null; result: null };
}

export type CommandName = keyof Commands;

export interface Request<K extends CommandName = CommandName> {
  id: number;
  name: K;
  args: Commands[K]['args'];
}

export type Reply =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
