/** The machine and code a run measured, for the JSON file and docs/performance.md. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface MachineInfo {
  node: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  kernel: string;
  commit: string;
}

export function machineInfo(): MachineInfo {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout; the rest still identifies the run.
  }
  return {
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    kernel: `${os.type()} ${os.release()}`,
    commit,
  };
}
