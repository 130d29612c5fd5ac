/**
 * The CLI's commands against a running Baton, with an API key: what a script
 * or a writing assistant needs to take the baton for a shift.
 */
import type { SeriesDetail, SeriesSummary } from '@baton/shared/api.ts';
import type { ContentFormat, DraftContentResponse } from '@baton/shared/content.ts';
import type { PublishChecks, PublishResult } from '@baton/shared/publish.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CliEnvironment } from '../config/env.ts';
import { batonApi } from './batonApi.ts';
import { CliError, credentials, readLogin, writeLogin } from './cliLogin.ts';

type Print = (text: string) => void;

function connect(env: CliEnvironment) {
  const { url, key } = credentials(env);
  return batonApi(url, key);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Checks the key against the server, then saves both. */
export async function login(env: CliEnvironment, url: string, key: string, print: Print) {
  const series = await batonApi(url, key)<SeriesSummary[]>('GET', '/api/series');
  writeLogin(env, { ...readLogin(env), url, key });
  print(`Logged in to ${url}; this key reaches ${plural(series.body.length, 'series')}.`);
}

/** Prints the draft; remembers its hash for the next push. */
export async function pull(
  env: CliEnvironment,
  installmentId: string,
  format: ContentFormat,
  print: Print,
) {
  const call = connect(env);
  const { body } = await call<DraftContentResponse>(
    'GET',
    `/api/installments/${encodeURIComponent(installmentId)}/content?format=${format}`,
  );
  const login = readLogin(env);
  writeLogin(env, { ...login, pulled: { ...login.pulled, [installmentId]: body.hash } });
  print(body.text.endsWith('\n') ? body.text.slice(0, -1) : body.text);
}

function formatOf(file: string): ContentFormat {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.md' || extension === '.markdown') return 'markdown';
  if (extension === '.json') return 'json';
  return 'text';
}

/**
 * Replaces the draft with a file. Refused when the draft changed since the
 * last pull (someone else wrote), unless `force`.
 */
export async function push(
  env: CliEnvironment,
  installmentId: string,
  file: string,
  force: boolean,
  print: Print,
) {
  const call = connect(env);
  const text = readFileSync(file, 'utf8');
  const login = readLogin(env);
  const baseHash = force ? undefined : login.pulled[installmentId];
  const answer = await call<DraftContentResponse>(
    'PUT',
    `/api/installments/${encodeURIComponent(installmentId)}/content`,
    { format: formatOf(file), text, ...(baseHash && { baseHash }) },
    [409],
  );
  if (answer.status === 409) {
    throw new CliError(
      'The draft changed since you pulled it. Pull again and merge your changes, or push with --force to replace it.',
    );
  }
  writeLogin(env, { ...login, pulled: { ...login.pulled, [installmentId]: answer.body.hash } });
  print(
    `Pushed ${path.basename(file)}: the draft now has ${plural(answer.body.wordCount, 'word')}.`,
  );
}

export async function publish(
  env: CliEnvironment,
  installmentId: string,
  note: string | undefined,
  print: Print,
) {
  const call = connect(env);
  const { body } = await call<PublishResult>(
    'POST',
    `/api/installments/${encodeURIComponent(installmentId)}/publish`,
    note ? { note } : {},
  );
  print(body.created ? `Published version ${body.version.number}.` : body.message);
}

/** What publish checks would say, in a few words; null when the key may not publish. */
async function findingsSummary(call: ReturnType<typeof connect>, installmentId: string) {
  const answer = await call<PublishChecks>(
    'GET',
    `/api/installments/${encodeURIComponent(installmentId)}/publish-checks`,
    undefined,
    [403],
  );
  if (answer.status === 403) return null;
  const { findings, unchanged } = answer.body;
  const parts = findings.map((f) =>
    f.kind === 'repeatedParagraph'
      ? 'repeated paragraph'
      : f.kind === 'unresolvedThreads'
        ? plural(f.count, 'unresolved thread')
        : f.kind === 'pendingSuggestions'
          ? plural(f.count, 'pending suggestion')
          : f.kind === 'shortContent'
            ? 'very short'
            : f.kind === 'emptyContent'
              ? 'empty'
              : 'no title',
  );
  if (unchanged) parts.push('unchanged since the last version');
  return parts.length ? parts.join(', ') : 'ready to publish';
}

/** Every series the key reaches, its installments, open threads and pending findings. */
export async function status(env: CliEnvironment, print: Print) {
  const call = connect(env);
  const { body: series } = await call<SeriesSummary[]>('GET', '/api/series');
  if (series.length === 0) print('No series yet.');
  for (const summary of series) {
    const { body: detail } = await call<SeriesDetail>(
      'GET',
      `/api/series/${encodeURIComponent(summary.id)}`,
    );
    print(`${detail.title} (/${detail.slug}, ${detail.role})`);
    if (detail.installments.length === 0) print('  no installments');
    for (const installment of detail.installments) {
      const findings = await findingsSummary(call, installment.id);
      print(
        `  ${installment.id}  Part ${installment.number}: ${installment.title} · ` +
          `${plural(installment.wordCount, 'word')} · ${plural(installment.openThreadCount, 'open thread')}` +
          (findings ? ` · ${findings}` : ''),
      );
    }
  }
}
