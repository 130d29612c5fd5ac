/**
 * Summarizes V8 `.cpuprofile` files: the functions with the most self time,
 * and the server's own functions by inclusive time (self + callees). Module
 * loading (the tsx loader, compiling sources) is startup and is lumped
 * together, since it happens before any measurement.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotFunction {
  name: string;
  where: string;
  ms: number;
  /** Share of the busy (non-idle) time. */
  share: number;
}

export interface ProfileSummary {
  files: number;
  busyMs: number;
  /** By self time. */
  self: HotFunction[];
  /** Our own code (Baton's server, `@y/websocket-server`, the client's `/assets/`) by inclusive time. */
  inclusive: HotFunction[];
}

const startup = '(module loading, startup)';

/** Merges every profile in `dirs` and ranks functions. */
export function summarizeProfiles(dirs: readonly string[], limit = 15): ProfileSummary {
  const self = new Map<string, HotFunction>();
  const inclusive = new Map<string, HotFunction>();
  let files = 0;
  let busyUs = 0;
  for (const file of dirs.flatMap(listProfiles)) {
    files++;
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes)
      for (const child of node.children ?? []) parent.set(child, node.id);
    profile.samples.forEach((id, i) => {
      const node = byId.get(id);
      const us = profile.timeDeltas[i] ?? 0;
      if (!node || node.callFrame.functionName === '(idle)') return;
      busyUs += us;
      const stack: ProfileNode[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const frame = byId.get(at);
        if (frame) stack.push(frame);
      }
      const isStartup = stack.some(
        (f) =>
          f.callFrame.url.startsWith('node:internal/modules/') ||
          f.callFrame.url.includes('/tsx/dist/'),
      );
      add(self, isStartup ? { name: startup, where: '' } : describe(node), us);
      if (isStartup) return;
      const seen = new Set<string>();
      for (const frame of stack) {
        if (!isServerCode(frame.callFrame.url)) continue;
        const fn = describe(frame);
        const key = `${fn.name}@${fn.where}`;
        if (seen.has(key)) continue;
        seen.add(key);
        add(inclusive, fn, us);
      }
    });
  }
  const rank = (map: Map<string, HotFunction>) =>
    [...map.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, limit)
      .map((f) => ({ ...f, ms: f.ms / 1000, share: busyUs ? f.ms / busyUs : 0 }));
  return { files, busyMs: busyUs / 1000, self: rank(self), inclusive: rank(inclusive) };
}

export function formatProfile(title: string, summary: ProfileSummary): string {
  const row = (f: HotFunction) =>
    `    ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.ms.toFixed(0).padStart(6)} ms  ${f.name}  ${f.where}`;
  return [
    `${title}: ${summary.files} profile(s), ${summary.busyMs.toFixed(0)} ms busy`,
    '  self time:',
    ...summary.self.map(row),
    '  own code, inclusive time:',
    ...summary.inclusive.map(row),
    '',
  ].join('\n');
}

function add(map: Map<string, HotFunction>, fn: { name: string; where: string }, us: number): void {
  const key = `${fn.name}@${fn.where}`;
  const entry = map.get(key) ?? { ...fn, ms: 0, share: 0 };
  entry.ms += us; // microseconds until `rank` converts
  map.set(key, entry);
}

function describe(node: ProfileNode): { name: string; where: string } {
  const { functionName, url, lineNumber } = node.callFrame;
  return {
    name: functionName || '(anonymous)',
    where: url ? `${shorten(url)}:${lineNumber + 1}` : '',
  };
}

/** Our own code: Baton's server, the reference's, or the editor bundle's app chunks. */
function isServerCode(url: string): boolean {
  return (
    url.includes('/server/src/') ||
    url.includes('/server/dist/') ||
    url.includes('@y/websocket-server/src/') ||
    url.includes('/assets/')
  );
}

function listProfiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.cpuprofile'))
      .map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}

/** Keeps the package and file of a URL: `…/node_modules/ws/lib/sender.js` → `ws/lib/sender.js`. */
function shorten(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const own = url.search(/\/server\/(src|dist)\//);
  if (own >= 0) return url.slice(own + 1);
  return url.replace(/^file:\/\//, '');
}
