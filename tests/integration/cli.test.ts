import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, paragraphs, untilDoc, untilSynced } from '../support/collabClient.ts';
import { api, seedInstallment, signUp, type TestUser } from '../support/http.ts';
import { newMember } from '../support/team.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const execute = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
let server: TestServer;
let ann: TestUser;
let configDir: string;

beforeAll(async () => {
  server = await startTestServer();
  ann = await signUp(server.url, 'Ann');
  configDir = mkdtempSync(path.join(tmpdir(), 'baton-cli-'));
});
afterAll(async () => {
  rmSync(configDir, { recursive: true, force: true });
  await server.dispose();
});

/** Runs the `baton` bin as a user would, with its own saved login; never throws. */
async function baton(...args: string[]) {
  try {
    const { stdout, stderr } = await execute(process.execPath, ['server/bin/baton.mjs', ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, BATON_CONFIG: path.join(configDir, 'cli.json') },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function createKey(user: TestUser) {
  const res = await api<{ key: string }>(server.url, user, 'POST', '/api/auth/api-key/create', {
    name: 'cli',
  });
  expect(res.status).toBe(200);
  return res.body.key;
}

describe('the baton CLI', () => {
  it('CLI-1 logs in with a key, pulls, pushes the project’s fixture back unchanged, publishes and reports status', async () => {
    const { installmentId } = await seedInstallment(server.url, ann);
    expect((await baton('status')).stderr).toContain('Not logged in');
    const refused = await baton('login', '--url', server.url, '--key', 'not-a-key');
    expect(refused.code).toBe(1);

    const login = await baton('login', '--url', server.url, '--key', await createKey(ann));
    expect(login.stdout).toContain('Logged in');
    expect(statSync(path.join(configDir, 'cli.json')).mode & 0o777).toBe(0o600);

    // The fixture as Markdown: one paragraph per line, blank lines between.
    const fixture = readFileSync(
      new URL('../fixtures/night-shift-clean.txt', import.meta.url),
      'utf8',
    )
      .trim()
      .split('\n')
      .join('\n\n');
    const file = path.join(configDir, 'draft.md');
    writeFileSync(file, `${fixture}\n`);
    const writer = connectClient(server.url, installmentId, ann.cookie);
    await untilSynced(writer);
    expect((await baton('pull', installmentId)).code).toBe(0);
    const pushed = await baton('push', installmentId, file);
    expect(pushed.stderr).toBe('');
    expect(pushed.stdout).toMatch(/Pushed draft\.md: the draft now has \d+ words\./);
    // A connected writer sees the push live.
    await untilDoc(writer, 'the writer sees the pushed text', (doc) =>
      paragraphs(doc).includes('The Morning Shift Takes Over'),
    );
    const pulled = await baton('pull', installmentId);
    expect(pulled.stdout).toBe(`${fixture}\n`);

    // Someone writes after the pull: a push without --force is refused, nothing lost.
    await api(server.url, ann, 'POST', `/api/installments/${installmentId}/content/append`, {
      format: 'text',
      text: 'A late line.',
    });
    const stale = await baton('push', installmentId, file);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('changed since you pulled');
    expect((await baton('pull', installmentId)).stdout).toContain('A late line.');
    expect((await baton('push', installmentId, file, '--force')).code).toBe(0);

    const published = await baton('publish', installmentId, '--note', 'From the CLI');
    expect(published.stdout).toBe('Published version 1.\n');
    expect((await baton('publish', installmentId)).stdout).toContain('Nothing changed');

    const status = await baton('status');
    expect(status.stdout).toContain('The Relay');
    expect(status.stdout).toMatch(new RegExp(`${installmentId}\\s+Part 1: Taking the baton`));
    expect(status.stdout).toContain('0 open threads');
    expect(status.stdout).toContain('unchanged since the last version');
    writer.destroy();
  });

  it('CLI-2 a viewer’s key reads but cannot push: the server’s 403 message is shown', async () => {
    const { seriesId, installmentId } = await seedInstallment(server.url, ann);
    const vic = await newMember(server.url, ann, seriesId, 'viewer', 'Vic');
    const env = await baton('login', '--url', server.url, '--key', await createKey(vic));
    expect(env.code).toBe(0);
    expect((await baton('pull', installmentId, '--format', 'text')).code).toBe(0);
    const file = path.join(configDir, 'viewer.txt');
    writeFileSync(file, 'Not allowed.\n');
    const push = await baton('push', installmentId, file);
    expect(push.code).toBe(1);
    expect(push.stderr).toMatch(/permission/i);
    expect((await baton('bogus')).code).toBe(2);
    // Ids are base64url: one may start with "-" and must not read as an option.
    const dashed = await baton('pull', '-Xq3notAnId');
    expect(dashed.code).toBe(1);
    expect(dashed.stderr).toContain('not found');
  });
});
