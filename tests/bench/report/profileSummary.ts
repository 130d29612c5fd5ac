/** Summarizes V8 `.cpuprofile` files: the functions with the most self time. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotFunction {
  name: string;
  where: string;
  selfMs: number;
  /** Share of the busy (non-idle) samples. */
  share: number;
}

export interface ProfileSummary {
  files: number;
  busyMs: number;
  top: HotFunction[];
}

/** Merges every profile under `dirs` (recursively one level) and ranks functions by self time. */
export function summarizeProfiles(dirs: readonly string[], limit = 15): ProfileSummary {
  const selfUs = new Map<string, { name: string; where: string; us: number }>();
  let files = 0;
  for (const file of dirs.flatMap(listProfiles)) {
    files++;
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const node = byId.get(id);
      if (!node) return;
      const { functionName, url, lineNumber } = node.callFrame;
      const name = functionName || '(anonymous)';
      const where = url ? `${shorten(url)}:${lineNumber + 1}` : '';
      const key = `${name}@${where}`;
      const entry = selfUs.get(key) ?? { name, where, us: 0 };
      entry.us += profile.timeDeltas[i] ?? 0;
      selfUs.set(key, entry);
    });
  }
  const busy = [...selfUs.values()].filter((e) => e.name !== '(idle)');
  const busyUs = busy.reduce((sum, e) => sum + e.us, 0);
  const top = busy
    .sort((a, b) => b.us - a.us)
    .slice(0, limit)
    .map((e) => ({ name: e.name, where: e.where, selfMs: e.us / 1000, share: busyUs ? e.us / busyUs : 0 }));
  return { files, busyMs: busyUs / 1000, top };
}

export function formatProfile(title: string, summary: ProfileSummary): string {
  const lines = [`${title}: ${summary.files} profile(s), ${summary.busyMs.toFixed(0)} ms busy`];
  for (const f of summary.top) {
    lines.push(
      `  ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.selfMs.toFixed(0).padStart(6)} ms  ${f.name}  ${f.where}`,
    );
  }
  return `${lines.join('\n')}\n`;
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
  const src = url.indexOf('/server/src/');
  if (src >= 0) return url.slice(src + 1);
  return url.replace(/^file:\/\//, '');
}
