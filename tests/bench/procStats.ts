/** Server CPU and memory straight from /proc (Linux), so no instrumentation runs in the server. */
import { readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';

/** Clock ticks per second for utime/stime in /proc/PID/stat (`getconf CLK_TCK`; 100 on Linux). */
const ticksPerSecond = 100;

/** User + system CPU seconds the process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces; the fields after it start past the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 (utime, stime) are at index 11 and 12 once pid and comm are cut off.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / ticksPerSecond;
}

export interface MemorySample {
  /** Resident set size now, bytes. */
  rss: number;
  /** Peak resident set size since the process started or `resetPeakRss` (VmHWM), bytes. */
  peakRss: number;
}

/**
 * Resets the process's peak RSS (VmHWM) to its current RSS (Linux 4.0+), so a
 * later peak covers only what happened since: a scenario's load, not the
 * server's start or the bench's sign-up (a password hash is a 32 MB transient).
 */
export function resetPeakRss(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

export function memory(pid: number): MemorySample {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { rss: statusKb(status, 'VmRSS') * 1024, peakRss: statusKb(status, 'VmHWM') * 1024 };
}

/** Open sockets of the process (its file descriptors that are sockets): the connections it holds. */
export function socketCount(pid: number): number {
  let count = 0;
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('socket:')) count++;
    } catch {
      // Closed while we looked.
    }
  }
  return count;
}

function statusKb(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match?.[1]) throw new Error(`/proc status has no ${field}`);
  return Number(match[1]);
}

/**
 * Waits until the process is idle: less than `maxCpuMs` of CPU in a `windowMs`
 * window (debounced snapshots, GC after a burst). Gives up after `timeoutMs`.
 */
export async function untilIdle(
  pid: number,
  { windowMs = 500, maxCpuMs = 10, timeoutMs = 15_000 } = {},
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let before = cpuSeconds(pid);
  while (Date.now() < deadline) {
    await sleep(windowMs);
    const now = cpuSeconds(pid);
    if ((now - before) * 1000 < maxCpuMs) return true;
    before = now;
  }
  return false;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface MachineCpu {
  /** Busy CPU seconds of the whole machine (all cores), from /proc/stat. */
  busy: number;
  /** CPU seconds the hypervisor gave to other guests. */
  steal: number;
  /** This process and its reaped children (servers and client processes that exited). */
  ours: number;
}

/** A reading to subtract from a later one: what else ran on the machine meanwhile. */
export function machineCpu(): MachineCpu {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const self = readFileSync('/proc/self/stat', 'utf8');
  const fields = self.slice(self.lastIndexOf(')') + 2).split(' ');
  // utime, stime, cutime, cstime are fields 14-17.
  const ours = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
  return {
    busy: (user + nice + system + irq + softirq) / ticksPerSecond,
    steal: steal / ticksPerSecond,
    ours: ours / ticksPerSecond,
  };
}
