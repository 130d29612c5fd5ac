/**
 * Checks shown before publishing, as warnings the author can override:
 * unresolved threads, repeated and near-repeated paragraphs, very short or
 * empty content (empty blocks publishing), a missing title.
 */
import { limits } from '@baton/shared/limits.ts';
import type { PublishFinding } from '@baton/shared/publish.ts';
import { countWords } from '@baton/shared/text.ts';
import { nodeText, type PmNode } from './pmJson.ts';

/** Paragraphs shorter than this are not compared: "Yes." twice is not a slip. */
const minWordsToCompare = 8;
/** Word-trigram overlap (Jaccard) from which two paragraphs count as near-repeats. */
const nearRepeatThreshold = 0.6;

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();

function trigrams(words: string[]): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++)
    grams.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return grams;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/** Repeated top-level blocks: each pair once, pointing at both places. */
export function findRepeats(blocks: readonly string[]): PublishFinding[] {
  const findings: PublishFinding[] = [];
  const prepared = blocks.map((text) => {
    const words = normalize(text).split(' ').filter(Boolean);
    return { normalized: words.join(' '), grams: trigrams(words), words: words.length, text };
  });
  const exactFirst = new Map<string, number>();
  for (let j = 0; j < prepared.length; j++) {
    const b = prepared[j]!;
    if (b.words < minWordsToCompare) continue;
    const earlier = exactFirst.get(b.normalized);
    if (earlier !== undefined) {
      findings.push({
        kind: 'repeatedParagraph',
        similarity: 'exact',
        first: earlier,
        second: j,
        excerpt: excerpt(b.text),
      });
      continue;
    }
    exactFirst.set(b.normalized, j);
    for (let i = 0; i < j; i++) {
      const a = prepared[i]!;
      if (a.words < minWordsToCompare || a.normalized === b.normalized) continue;
      if (jaccard(a.grams, b.grams) >= nearRepeatThreshold) {
        findings.push({
          kind: 'repeatedParagraph',
          similarity: 'near',
          first: i,
          second: j,
          excerpt: excerpt(b.text),
        });
        break;
      }
    }
  }
  return findings;
}

const excerpt = (text: string) => (text.length > 140 ? `${text.slice(0, 137).trimEnd()}…` : text);

export interface ChecksInput {
  title: string;
  doc: PmNode;
  unresolvedThreadIds: string[];
}

export function publishChecks({ title, doc, unresolvedThreadIds }: ChecksInput): PublishFinding[] {
  const findings: PublishFinding[] = [];
  if (unresolvedThreadIds.length > 0) {
    findings.push({
      kind: 'unresolvedThreads',
      count: unresolvedThreadIds.length,
      threadIds: unresolvedThreadIds,
    });
  }
  const blocks = doc.content.map(nodeText);
  findings.push(...findRepeats(blocks));
  const words = countWords(blocks.join('\n'));
  if (words === 0) findings.push({ kind: 'emptyContent' });
  else if (words < limits.shortContentWords) findings.push({ kind: 'shortContent', words });
  if (!title.trim() || /^untitled$/i.test(title.trim())) findings.push({ kind: 'missingTitle' });
  return findings;
}
