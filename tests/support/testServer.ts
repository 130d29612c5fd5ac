/** Starts a real Baton server in this process on a random port with a temporary DATA_DIR. */
import { parseConfig } from '@baton/server/config/env.ts';
import { type BatonServer, type StartOptions, startBaton } from '@baton/server/server.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TestServer extends BatonServer {
  dataDir: string;
  /** Stops the server and deletes its data. */
  dispose(): Promise<void>;
}

export function makeDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'baton-test-'));
}

export async function startTestServer(
  options: StartOptions & { dataDir?: string; port?: number } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? makeDataDir();
  const config = parseConfig({
    NODE_ENV: 'test',
    PORT: String(options.port ?? 0),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  });
  const server = await startBaton(config, options);
  return {
    ...server,
    dataDir,
    async dispose() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
