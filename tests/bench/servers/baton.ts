/**
 * Baton as `pnpm start` runs it (production, SQLite, auth and write-through
 * persistence on), one fresh process and data directory per run. See
 * batonEntry.ts for bundle versus sources.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BatonSession, createInstallments, openSession } from './batonApi.ts';
import { batonEntry, serverDir } from './batonEntry.ts';
import { startChildServer } from './childServer.ts';
import type { LaunchOptions, ServerHandle } from './target.ts';

/** Fixed, so a restarted server accepts the cookie of the first one. */
export const benchSecret = 'baton-bench-secret-0123456789abcdef';

export interface BatonHandle extends ServerHandle {
  kind: 'baton';
  dataDir: string;
  session: BatonSession;
  /** Stops gracefully and starts a new process on the same data directory and account. */
  restart(): Promise<BatonHandle>;
  /** Stops and deletes the data directory. */
  dispose(): Promise<void>;
}

export async function launchBaton(options: LaunchOptions = {}): Promise<BatonHandle> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'baton-bench-'));
  return startOn(dataDir, null, options);
}

async function startOn(
  dataDir: string,
  existing: BatonSession | null,
  options: LaunchOptions,
): Promise<BatonHandle> {
  const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  const server = await startChildServer({
    args: [...profile, ...batonEntry().args],
    cwd: serverDir,
    env: {
      NODE_ENV: 'production',
      BETTER_AUTH_SECRET: benchSecret,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      // Every simulated user connects from 127.0.0.1: the per-address limit would count them as one.
      CONNECTIONS_PER_IP_PER_MINUTE: '0',
    },
    readyLine: /Baton is listening \{"url":"http:\/\/localhost:(\d+)"/,
  });
  const port = server.ready[1] ?? '';
  const baseUrl = `http://127.0.0.1:${port}`;
  const session = existing
    ? { ...existing, baseUrl, cookie: existing.cookie }
    : await openSession(baseUrl).catch(async (error: unknown) => {
        await server.stop();
        throw error;
      });
  const stop = async () => {
    await server.stop();
  };
  const handle: BatonHandle = {
    kind: 'baton',
    pid: server.pid,
    dataDir,
    session,
    target: {
      serverUrl: `ws://127.0.0.1:${port}/collab`,
      headers: { cookie: session.cookie, origin: baseUrl },
    },
    createRooms: (count) => createInstallments(session, count),
    stop,
    async restart() {
      await stop();
      return startOn(dataDir, session, options);
    },
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}
