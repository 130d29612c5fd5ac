// Entry point behind the README's `npm start` and `npm test`.
//
// Why this exists: a fresh machine has Node 20 and npm but no pnpm, and corepack cannot
// be relied on (its signature check fails here). So this finds pnpm 12.4.2 (the only
// version whose lockfile handling works on Node 20) or installs it into `.tools/`, runs
// a frozen install (better-sqlite3 is compiled against the local Node headers because
// prebuilt downloads are blocked), then hands over to `pnpm run <target>`.
// Plain Node ESM with no dependencies: it runs before anything is installed.
//
// Usage: node server/scripts/bootstrap.mjs <serve|check|install> [args for the script…]
// `install` (installs only) is for CI and for testing this script.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PNPM_VERSION = '12.4.2';
const TARGETS = ['serve', 'check', 'install'];
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const win = process.platform === 'win32';
const log = (msg) => console.error(`baton: ${msg}`);

const [target, ...forwarded] = process.argv.slice(2);
if (!TARGETS.includes(target)) {
  log(
    `usage: node server/scripts/bootstrap.mjs <serve|check> [args…] (got ${target ?? 'nothing'})`,
  );
  process.exit(2);
}
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  log(`Node >= 20.19 is required, this is ${process.version}`);
  process.exit(1);
}

/** Runs a command to completion with inherited stdio; exits this process if it fails. */
function run(cmd, args, options = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', shell: win, ...options });
  if (res.status !== 0) {
    log(
      `${cmd} ${args.join(' ')} failed (${res.error?.message ?? `exit ${res.status ?? res.signal}`})`,
    );
    process.exit(res.status || 1);
  }
}

/** True when `cmd --version` prints exactly the pinned version. */
function isPinnedPnpm(cmd) {
  // Ask from a neutral directory: inside the repo, `packageManager` may make another pnpm switch versions.
  const res = spawnSync(cmd, ['--version'], {
    cwd: tmpdir(),
    encoding: 'utf8',
    shell: win,
    timeout: 30_000,
  });
  return res.status === 0 && res.stdout.trim() === PNPM_VERSION;
}

function findPnpm() {
  if (isPinnedPnpm('pnpm')) return { cmd: 'pnpm', binDir: null };
  const prefix = join(root, '.tools', 'pnpm');
  const binDir = join(prefix, 'node_modules', '.bin');
  const cmd = join(binDir, win ? 'pnpm.cmd' : 'pnpm');
  if (existsSync(cmd) && isPinnedPnpm(cmd)) return { cmd, binDir };
  log(`installing pnpm ${PNPM_VERSION} into .tools/pnpm…`);
  mkdirSync(prefix, { recursive: true });
  run(
    'npm',
    ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `pnpm@${PNPM_VERSION}`],
    { cwd: prefix },
  );
  if (!isPinnedPnpm(cmd)) {
    log(`installed pnpm at ${cmd} does not report ${PNPM_VERSION}`);
    process.exit(1);
  }
  return { cmd, binDir };
}

const pnpm = findPnpm();
const env = { ...process.env };
// Package scripts call `pnpm` themselves, so a locally installed one must be on their PATH.
if (pnpm.binDir) {
  const key = Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  env[key] = [pnpm.binDir, env[key]].filter(Boolean).join(delimiter);
}
// better-sqlite3 falls back to a source build; point node-gyp at the local headers
// instead of letting it try (and fail) to download them.
if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h'))
  env.npm_config_nodedir = '/usr';

log('pnpm install --frozen-lockfile (the first run compiles better-sqlite3, ~1-2 min)…');
run(pnpm.cmd, ['install', '--frozen-lockfile'], { cwd: root, env });
if (target === 'install') process.exit(0);

log(`pnpm run ${[target, ...forwarded].join(' ')}`);
// pnpm does not pass signals on to the script it runs: on SIGTERM it exits and leaves the server
// running, and it ignores SIGINT (expecting the terminal to signal the whole group). So the child
// gets its own process group and every stop signal becomes a SIGINT to that whole group: the
// server shuts down gracefully (it must handle SIGINT) while pnpm waits for it.
const group = !win;
const child = spawn(pnpm.cmd, ['run', target, ...forwarded], {
  cwd: root,
  env,
  // No stdin: a background process group reading the terminal would be stopped (SIGTTIN).
  stdio: group ? ['ignore', 'inherit', 'inherit'] : 'inherit',
  detached: group,
  shell: win,
});
const stop = () => {
  try {
    if (group) process.kill(-child.pid, 'SIGINT');
    else child.kill('SIGINT');
  } catch {
    // already gone
  }
};
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, stop);
child.on('error', (err) => {
  log(`could not start pnpm: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 1)));
