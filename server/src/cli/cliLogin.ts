/**
 * The CLI's saved login: server address, API key, and the hash of each draft
 * as it was last pulled (so a push can tell whether someone changed it since).
 * Kept in one JSON file readable only by its owner.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CliEnvironment } from '../config/env.ts';

const savedLogin = z.object({
  url: z.string().optional(),
  key: z.string().optional(),
  pulled: z.record(z.string(), z.string()).default({}),
});
export type SavedLogin = z.infer<typeof savedLogin>;

export class CliError extends Error {}

export function readLogin(env: CliEnvironment): SavedLogin {
  if (!existsSync(env.configFile)) return { pulled: {} };
  const parsed = savedLogin.safeParse(JSON.parse(readFileSync(env.configFile, 'utf8')));
  if (!parsed.success) throw new CliError(`${env.configFile} is damaged; run baton login again.`);
  return parsed.data;
}

export function writeLogin(env: CliEnvironment, login: SavedLogin): void {
  mkdirSync(path.dirname(env.configFile), { recursive: true, mode: 0o700 });
  writeFileSync(env.configFile, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
  chmodSync(env.configFile, 0o600);
}

/** The server and key to use: the environment first, then the saved login. */
export function credentials(env: CliEnvironment): { url: string; key: string } {
  const login = readLogin(env);
  const url = env.url ?? login.url;
  const key = env.key ?? login.key;
  if (!url || !key) {
    throw new CliError('Not logged in: run `baton login --url <server> --key <API key>`.');
  }
  return { url, key };
}
