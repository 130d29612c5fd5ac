/**
 * Runs edits on a fixed timetable: writer `j % W` makes edit `j` at
 * `start + j / (rate × W)`. An edit that runs late is recorded as late, so the
 * report can tell when the load generator, not the server, set the pace.
 */
import { percentile } from '../stats.ts';

export interface ScheduleResult {
  /** Edits made by each writer, in the order of `writers`. */
  made: number[];
  lateP95Ms: number;
  lateMaxMs: number;
}

export function runSchedule<W>(
  writers: readonly W[],
  editsPerSecond: number,
  durationMs: number,
  edit: (writer: W, index: number) => void,
  maxEdits = Number.POSITIVE_INFINITY,
): Promise<ScheduleResult> {
  const made = writers.map(() => 0);
  if (writers.length === 0 || editsPerSecond <= 0) {
    return new Promise((resolve) =>
      setTimeout(() => resolve({ made, lateP95Ms: 0, lateMaxMs: 0 }), durationMs),
    );
  }
  const interval = 1000 / (editsPerSecond * writers.length);
  const start = performance.now();
  const end = start + durationMs;
  const lateness: number[] = [];
  let next = 0;
  return new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < maxEdits && start + next * interval <= now && start + next * interval < end) {
        const slot = next % writers.length;
        const writer = writers[slot] as W;
        lateness.push(now - (start + next * interval));
        edit(writer, next);
        made[slot] = (made[slot] ?? 0) + 1;
        next++;
      }
      const due = start + next * interval;
      if (next >= maxEdits || due >= end) {
        resolve({
          made,
          lateP95Ms: percentile(lateness, 95),
          lateMaxMs: lateness.reduce((a, b) => Math.max(a, b), 0),
        });
        return;
      }
      setTimeout(tick, Math.max(0, due - performance.now()));
    };
    tick();
  });
}
