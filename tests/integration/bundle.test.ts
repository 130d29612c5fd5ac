/**
 * The production bundle (server/scripts/build.mjs) as `pnpm start` runs it: built
 * into a directory of its own, started as a process, and used the way people
 * use it — an account, a series, an installment imported from Markdown, two
 * stock clients editing, a published version and its reader pages. Every chunk
 * that loads on first use (authentication, Markdown, file import) and the
 * packages loaded through `require` (the sanitizer, the word diff) run here.
 * A stack trace from it maps back to the sources (server/scripts/mapStack.mjs).
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendParagraph,
  connectClient,
  paragraphs,
  roundTrip,
  untilDoc,
  untilSynced,
} from '../support/collabClient.ts';
import { api, signUp } from '../support/http.ts';
import { type ServerProcess, startServerProcess } from '../support/serverProcess.ts';
import { makeDataDir } from '../support/testServer.ts';

const run = promisify(execFile);
const serverDir = fileURLToPath(new URL('../../server', import.meta.url));

/**
 * Packages the bundle may still import from node_modules: the ones build.mjs
 * leaves external, and optional ones its packages try to load and do without.
 */
const allowedExternal = new Set([
  'better-sqlite3',
  'pg',
  'ioredis',
  // Optional: ws's native helpers, better-auth's tracing.
  'bufferutil',
  'utf-8-validate',
  '@opentelemetry/api',
]);

// Inside server/, so the packages left external resolve from server/node_modules.
let outdir: string;
let dataDir: string;
let server: ServerProcess | undefined;

beforeAll(async () => {
  const cache = path.join(serverDir, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  outdir = mkdtempSync(path.join(cache, 'bundle-test-'));
  await run(process.execPath, ['scripts/build.mjs', '--outdir', outdir], { cwd: serverDir });
  dataDir = makeDataDir();
}, 60_000);

afterAll(async () => {
  await server?.stop();
  rmSync(outdir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

function outputFiles(): { name: string; text: string }[] {
  return readdirSync(outdir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name, text: readFileSync(path.join(outdir, name), 'utf8') }));
}

/** The bare specifiers a file imports, dynamically imports or requires. */
function importedPackages(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(
    /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^"']+)["']/g,
  )) {
    const specifier = match[1] ?? '';
    if (!/^(@[a-z0-9-]+\/)?[a-z0-9][\w.-]*(\/[\w./-]*)?$/.test(specifier)) continue;
    const name = specifier.startsWith('@')
      ? specifier.split('/').slice(0, 2).join('/')
      : specifier.split('/')[0]!;
    if (builtinModules.includes(name)) continue;
    found.add(name);
  }
  return [...found];
}

describe('the production bundle', () => {
  it('OPS-2 carries its packages, leaves out only the native and optional ones, and is ASCII', () => {
    const files = outputFiles();
    expect(files.map((f) => f.name)).toContain('main.js');
    const external = new Set(files.flatMap((f) => importedPackages(f.text)));
    expect([...external].filter((name) => !allowedExternal.has(name))).toEqual([]);
    expect(external).toContain('better-sqlite3');
    for (const { name, text } of files) {
      // No copy of better-sqlite3's JavaScript, which finds its addon relative to itself.
      expect(text, name).not.toContain('better_sqlite3.node');
      // One non-ASCII character would make V8 keep the whole file two bytes a character.
      expect(/[^\0-\x7f]/.exec(text)?.[0], name).toBeUndefined();
    }
  });

  it('OPS-2 names functions in its stack traces, and mapStack.mjs maps them to the sources', () => {
    // A DATA_DIR below a file: the server fails at start and prints the error's stack.
    const file = path.join(dataDir, 'a-file');
    writeFileSync(file, '');
    const failed = spawnSync(process.execPath, [path.join(outdir, 'main.js')], {
      env: { PATH: process.env.PATH, DATA_DIR: path.join(file, 'data'), PORT: '0' },
      encoding: 'utf8',
    });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/at startBaton \(file:\/\/\S+\/main\.js:\d+:\d+\)/);
    const mapped = spawnSync(process.execPath, ['scripts/mapStack.mjs'], {
      cwd: serverDir,
      input: failed.stderr,
      encoding: 'utf8',
    });
    expect(mapped.stdout).toMatch(/at startBaton \(src\/server\.ts:\d+:\d+\)/);
  });

  it('OPS-2 runs: sign-up, a series, a Markdown import, two editors, a published version', async () => {
    server = await startServerProcess(
      dataDir,
      {
        NODE_ENV: 'production',
        BETTER_AUTH_SECRET: 'bundle-test-secret-bundle-test-secret-0123',
      },
      { entry: path.join(outdir, 'main.js') },
    );
    const url = server.url;
    const ann = await signUp(url, 'Ann');
    const series = await api<{ id: string; slug: string }>(url, ann, 'POST', '/api/series', {
      title: 'Bundled Relay',
    });
    expect(series.status).toBe(201);
    const part = await api<{ id: string; title: string }>(
      url,
      ann,
      'POST',
      `/api/series/${series.body.id}/installments`,
      { import: { format: 'markdown', text: '# Part One\n\nThe *first* words.' } },
    );
    expect(part.status).toBe(201);
    expect(part.body.title).toBe('Part One');

    const writer = connectClient(url, part.body.id, ann.cookie);
    const reader = connectClient(url, part.body.id, ann.cookie);
    try {
      await Promise.all([untilSynced(writer), untilSynced(reader)]);
      // The imported paragraph (XmlText shows its italic mark as a tag).
      expect(paragraphs(writer.doc).join('\n')).toContain('words.');
      appendParagraph(writer.doc, 'Written through the bundle.');
      await roundTrip(writer);
      await untilDoc(reader, 'the reader has the new paragraph', (doc) =>
        paragraphs(doc).includes('Written through the bundle.'),
      );
    } finally {
      writer.destroy();
      reader.destroy();
    }

    const publish = (note: string) =>
      api(url, ann, 'POST', `/api/installments/${part.body.id}/publish`, { note });
    expect((await publish('Out now')).status).toBe(201);
    const afterword = connectClient(url, part.body.id, ann.cookie);
    try {
      await untilSynced(afterword);
      appendParagraph(afterword.doc, 'An afterword.');
      await roundTrip(afterword);
    } finally {
      afterword.destroy();
    }
    expect((await publish('Afterword')).status).toBe(201);

    const read = (page: string) => fetch(`${url}/read/${series.body.slug}/1${page}`);
    const latest = await (await read('')).text();
    expect(latest).toContain('<em>first</em>');
    expect(latest).toContain('Written through the bundle.');
    expect(await (await read('/v/2/changes')).text()).toMatch(/<ins>An afterword\.<\/ins>/);
    expect(await (await read('/v/1.md')).text()).toContain('The *first* words.');
    expect(server.log()).not.toContain(' ERROR ');
  });
});
