import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendParagraph, connectClient, roundTrip, untilSynced } from '../support/collabClient.ts';
import { seedInstallment, signUp } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

describe.skipIf(Boolean(process.env.BATON_TEST_STORE === 'postgres'))('pnpm baton backup', () => {
  it('OPS-1 backs up the SQLite database while the server runs, with every account and edit', async () => {
    const ann = await signUp(server.url, 'Ann');
    const { installmentId } = await seedInstallment(server.url, ann);
    const writer = connectClient(server.url, installmentId, ann.cookie);
    await untilSynced(writer);
    appendParagraph(writer.doc, 'in the backup');
    await roundTrip(writer);
    writer.destroy();
    const file = path.join(server.dataDir, 'copy.sqlite');
    const { stdout } = await run(
      process.execPath,
      [
        '--import',
        './server/node_modules/tsx/dist/loader.mjs',
        'server/src/cli.ts',
        'backup',
        file,
      ],
      { cwd: root, env: { PATH: process.env.PATH, DATA_DIR: server.dataDir } },
    );
    expect(stdout).toContain('Backed up');
    const copy = new Database(file, { readonly: true });
    try {
      expect(copy.prepare('SELECT email FROM user').all()).toContainEqual({ email: ann.email });
      const updates = copy
        .prepare('SELECT COUNT(*) AS n FROM doc_update WHERE doc_name = ?')
        .get(installmentId) as {
        n: number;
      };
      expect(updates.n).toBeGreaterThan(0);
    } finally {
      copy.close();
    }
  });
});
