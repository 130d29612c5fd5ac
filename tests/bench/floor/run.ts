/**
 * `pnpm bench:floor`: resting RSS of the reference server, of the stack floor
 * (server/scripts/stackFloorServer.ts: Baton's stack with none of Baton's
 * code) and of Baton, each read as the idle scenario reads its resting row
 * (after the sign-up and a rest, once the process is idle) but after a longer
 * rest (below). The floor says how much of Baton's resting memory its stack
 * holds before Baton adds anything (docs/performance.md § 6, seventh pass).
 *
 * Usage: pnpm bench:floor [--rounds N] [--rest-ms MS]
 *   --rounds   default 3; the order of the servers alternates each round
 *   --rest-ms  default 30000; CI runs a short rest so the tool cannot rot
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startFlags } from '../../support/startFlags.ts';
import { machineInfo } from '../machine.ts';
import { memory, sleep, untilIdle } from '../procStats.ts';
import { median } from '../stats.ts';
import { benchSecret, launchBaton } from '../servers/baton.ts';
import { openSession } from '../servers/batonApi.ts';
import { serverDir } from '../servers/batonEntry.ts';
import { startChildServer } from '../servers/childServer.ts';
import { launchReference } from '../servers/reference.ts';

/**
 * Longer than the idle scenario's 12 s: V8's memory reducer gives back the
 * young generation the first sign-up grew 8–20 s later, and in the floor later
 * than in Baton; read earlier, the floor would hold ~10 MB that it gives back.
 */
const defaultRestMs = 30_000;
/** Inside server/, so the bundle finds better-sqlite3 in server/node_modules. */
const floorDir = 'node_modules/.cache/baton-floor';
const floorSource = 'scripts/stackFloorServer.ts';

type Kind = 'reference' | 'floor' | 'baton';

interface Running {
  pid: number;
  dispose(): Promise<void>;
}

async function launchFloor(): Promise<Running> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'baton-floor-'));
  const server = await startChildServer({
    args: [...startFlags(), path.join(floorDir, 'main.js')],
    cwd: serverDir,
    env: { DATA_DIR: dataDir, BETTER_AUTH_SECRET: benchSecret },
    readyLine: /stack floor listening on port (\d+)/,
  });
  const dispose = async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  await openSession(`http://127.0.0.1:${server.ready[1]}`).catch(async (error: unknown) => {
    await dispose();
    throw error;
  });
  return { pid: server.pid, dispose };
}

const launchers: Record<Kind, () => Promise<Running>> = {
  reference: async () => {
    const handle = await launchReference();
    return { pid: handle.pid, dispose: () => handle.stop() };
  },
  floor: launchFloor,
  baton: async () => {
    const handle = await launchBaton();
    return { pid: handle.pid, dispose: () => handle.dispose() };
  },
};

async function restingRss(kind: Kind, restMs: number): Promise<number> {
  const server = await launchers[kind]();
  try {
    await sleep(restMs);
    await untilIdle(server.pid);
    return memory(server.pid).rss / 2 ** 20;
  } finally {
    await server.dispose();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '3' },
      'rest-ms': { type: 'string', default: String(defaultRestMs) },
    },
  });
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds takes a whole number ≥ 1');
  const restMs = Number(values['rest-ms']);
  if (!Number.isInteger(restMs) || restMs < 0) throw new Error('--rest-ms takes milliseconds ≥ 0');
  const machine = machineInfo();
  process.stderr.write(
    `floor: node ${machine.node}, ${machine.cores} cores, commit ${machine.commit}\n`,
  );
  execFileSync(
    process.execPath,
    ['scripts/build.mjs', '--entry', floorSource, '--outdir', floorDir],
    { cwd: serverDir, stdio: 'inherit' },
  );
  const kinds: Kind[] = ['reference', 'floor', 'baton'];
  const readings: Record<Kind, number[]> = { reference: [], floor: [], baton: [] };
  for (let round = 0; round < rounds; round++) {
    for (const kind of round % 2 === 0 ? kinds : [...kinds].reverse()) {
      const rss = await restingRss(kind, restMs);
      process.stderr.write(`round ${round + 1}, ${kind}: ${rss.toFixed(1)} MB\n`);
      readings[kind].push(rss);
    }
  }
  const reference = median(readings.reference);
  const floor = median(readings.floor);
  const baton = median(readings.baton);
  const row = (label: string, mb: number) =>
    `  ${label.padEnd(34)} ${mb.toFixed(1).padStart(6)} MB  ${(mb / reference).toFixed(2)}× ref\n`;
  process.stdout.write(
    `\nresting RSS after the sign-up and ${restMs / 1000} s, ${rounds} round(s), medians\n` +
      row('reference (@y/websocket-server)', reference) +
      row('stack floor (no Baton code)', floor) +
      row('Baton', baton) +
      `  Baton's own code at rest: ${(baton - floor).toFixed(1)} MB; ` +
      `the 1.3× target: ${(1.3 * reference).toFixed(1)} MB\n`,
  );
}

await main();
