/** Starts a real Baton server in this process on a random port with a temporary DATA_DIR. */
import { parseConfig } from '@baton/server/config/env.ts';
import { type BatonServer, type StartOptions, startBaton } from '@baton/server/server.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createTestDatabase } from './postgres.ts';
import path from 'node:path';

/** Which store integration tests run on; the `integration-pg` project sets postgres. */
export const testStore: 'sqlite' | 'postgres' =
  process.env.BATON_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

export interface TestServer extends BatonServer {
  dataDir: string;
  /** Set when the server runs on PostgreSQL. */
  databaseUrl: string | undefined;
  /** Stops the server and deletes its data. */
  dispose(): Promise<void>;
}

export function makeDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'baton-test-'));
}

export async function startTestServer(
  options: StartOptions & {
    dataDir?: string;
    port?: number;
    databaseUrl?: string;
    /** More environment variables (limits, for example). */
    env?: Record<string, string>;
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? makeDataDir();
  const pgDatabase =
    testStore === 'postgres' && !options.databaseUrl ? await createTestDatabase() : null;
  const databaseUrl = options.databaseUrl ?? pgDatabase?.url;
  const config = parseConfig({
    NODE_ENV: 'test',
    PORT: String(options.port ?? 0),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_SECRET: databaseUrl ? 'test-secret-test-secret-test-secret-0123' : undefined,
    // Tests sign many people up from one address; the auth tests turn it back on.
    AUTH_RATE_LIMIT: 'false',
    ...options.env,
  });
  const server = await startBaton(config, options);
  return {
    ...server,
    dataDir,
    databaseUrl,
    async dispose() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
      await pgDatabase?.drop();
    },
  };
}
