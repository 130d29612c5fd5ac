// Entry point behind the README's `npm start` and `npm test`. It exists because a fresh machine
// has Node 20 and npm but no pnpm, and corepack fails its signature check here. It finds pnpm
// 12.4.2 (newer 12.x releases break the frozen install on Node 20, pnpm 11 crashes) or installs
// it into `.tools/`, runs a frozen install (better-sqlite3 compiles against the local Node
// headers: prebuilt downloads are blocked), then hands over to `pnpm run <target>`.
// No dependencies: nothing is installed when it runs.
//
// Usage: node server/scripts/bootstrap.mjs <serve|check|bench|bench:floor> [args…]; `install` only
// installs (CI).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PNPM_VERSION = '12.4.2';
const TARGETS = ['serve', 'check', 'bench', 'bench:floor', 'install'];
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const win = process.platform === 'win32';
const log = (msg) => console.error(`baton: ${msg}`);

const [target, ...forwarded] = process.argv.slice(2);
if (!TARGETS.includes(target)) {
  log(`usage: node server/scripts/bootstrap.mjs <serve|check|bench|bench:floor> [args…]`);
  process.exit(2);
}

/** Runs a command to completion with inherited stdio; exits this process if it fails. */
function run(cmd, args, options = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', shell: win, ...options });
  if (res.status !== 0) {
    log(`${cmd} ${args[0]} failed: ${res.error?.message ?? `exit ${res.status ?? res.signal}`}`);
    process.exit(res.status || 1);
  }
}

/** True when `cmd --version` prints exactly the pinned version. */
function isPinnedPnpm(cmd) {
  // Asked outside the repo, where `packageManager` could make another pnpm switch versions.
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
  const flags = ['--no-save', '--no-audit', '--no-fund'];
  run('npm', ['install', '--prefix', prefix, ...flags, `pnpm@${PNPM_VERSION}`], { cwd: prefix });
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
// better-sqlite3 falls back to a source build: use the local headers, they cannot be downloaded.
const headers = existsSync('/usr/include/node/node.h');
if (headers && !env.npm_config_nodedir) env.npm_config_nodedir = '/usr';

const first = existsSync(join(root, 'node_modules')) ? '' : ' (compiles better-sqlite3: ~1-2 min)';
log(`pnpm install --frozen-lockfile${first}…`);
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
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => process.kill(group ? -child.pid : child.pid, 'SIGINT'));
}
child.on('error', (err) => {
  log(`could not start pnpm: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 1)));
