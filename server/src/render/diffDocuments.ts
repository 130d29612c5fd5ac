/**
 * Diff of two documents for people: paragraph-level (added, removed, moved,
 * changed) by aligning top-level blocks, and word-level inside changed ones.
 */
import type { DiffBlock, VersionDiff } from '@baton/shared/publish.ts';
import { wordDiff } from './onFirstUse.ts';
import { nodeText, type PmNode } from './pmJson.ts';

interface Block {
  type: string;
  text: string;
  key: string;
}

/** Two blocks this similar (shared words) are shown as one changed block. */
const changedThreshold = 0.4;

const blocksOf = (doc: PmNode): Block[] =>
  doc.content.map((node) => {
    const text = nodeText(node);
    return { type: node.type, text, key: `${node.type}\u0000${text.replace(/\s+/g, ' ').trim()}` };
  });

function wordSimilarity(a: string, b: string): number {
  const wa = new Set(a.toLowerCase().split(/\W+/).filter(Boolean));
  const wb = new Set(b.toLowerCase().split(/\W+/).filter(Boolean));
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / (wa.size + wb.size - shared || 1);
}

/** Longest common subsequence of block keys, as index pairs. */
function alignment(a: Block[], b: Block[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] =
        a[i]!.key === b[j]!.key
          ? table[i + 1]![j + 1]! + 1
          : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i]!.key === b[j]!.key) pairs.push([i++, j++]);
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

export function diffDocuments(
  before: PmNode,
  after: PmNode,
  from: number,
  to: number,
): VersionDiff {
  const a = blocksOf(before);
  const b = blocksOf(after);
  const pairs = alignment(a, b);
  const matchedA = new Set(pairs.map(([i]) => i));
  const matchedB = new Set(pairs.map(([, j]) => j));
  // A block that left one place and appears unchanged elsewhere moved.
  const unmatchedAddedKeys = new Map<string, number[]>();
  b.forEach((block, j) => {
    if (!matchedB.has(j))
      unmatchedAddedKeys.set(block.key, [...(unmatchedAddedKeys.get(block.key) ?? []), j]);
  });
  const movedA = new Set<number>();
  const movedB = new Set<number>();
  a.forEach((block, i) => {
    if (matchedA.has(i)) return;
    const candidates = unmatchedAddedKeys.get(block.key);
    const j = candidates?.shift();
    if (j !== undefined) {
      movedA.add(i);
      movedB.add(j);
    }
  });

  const blocks: DiffBlock[] = [];
  const summary = { added: 0, removed: 0, changed: 0, moved: 0 };
  const emitGap = (removed: number[], added: number[]) => {
    const pending = added.filter((j) => !movedB.has(j));
    for (const i of removed) {
      const block = a[i]!;
      if (movedA.has(i)) {
        blocks.push({ kind: 'moved', direction: 'from', text: block.text, blockType: block.type });
        summary.moved++;
        continue;
      }
      const partner = pending.findIndex(
        (j) => wordSimilarity(block.text, b[j]!.text) >= changedThreshold,
      );
      if (partner === -1) {
        blocks.push({ kind: 'removed', text: block.text, blockType: block.type });
        summary.removed++;
        continue;
      }
      for (const j of pending.splice(0, partner)) {
        blocks.push({ kind: 'added', text: b[j]!.text, blockType: b[j]!.type });
        summary.added++;
      }
      const j = pending.shift()!;
      blocks.push({
        kind: 'changed',
        blockType: b[j]!.type,
        words: wordDiff()
          .diffWordsWithSpace(block.text, b[j]!.text)
          .map((part) => ({
            value: part.value,
            ...(part.added && { added: true }),
            ...(part.removed && { removed: true }),
          })),
      });
      summary.changed++;
    }
    for (const j of added) {
      if (movedB.has(j)) {
        blocks.push({ kind: 'moved', direction: 'to', text: b[j]!.text, blockType: b[j]!.type });
      } else if (pending.includes(j)) {
        blocks.push({ kind: 'added', text: b[j]!.text, blockType: b[j]!.type });
        summary.added++;
      }
    }
  };

  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [a.length, b.length] as [number, number]]) {
    const removed: number[] = [];
    const added: number[] = [];
    for (; i < pi; i++) removed.push(i);
    for (; j < pj; j++) added.push(j);
    emitGap(removed, added);
    if (pi < a.length && pj < b.length) {
      blocks.push({ kind: 'same', text: b[pj]!.text, blockType: b[pj]!.type });
      i = pi + 1;
      j = pj + 1;
    }
  }
  return { from, to, blocks, summary };
}
