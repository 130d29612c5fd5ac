/**
 * Checks shown before publishing, as warnings the author can override:
 * unresolved threads, pending suggestions, repeated and near-repeated paragraphs, very short or
 * empty content (empty blocks publishing), a missing title.
 */
import { limits } from '@baton/shared/limits.ts';
import type { PublishFinding } from '@baton/shared/publish.ts';
import { countWords } from '@baton/shared/text.ts';
import { nodeText, type PmNode } from '../../render/pmJson.ts';

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

/**
 * Repeated top-level blocks: each pair once, pointing at both places. Near
 * repeats are found through an index of word trigrams, so only paragraphs that
 * share some are compared (a long essay has thousands of paragraphs).
 */
export function findRepeats(blocks: readonly string[]): PublishFinding[] {
  const findings: PublishFinding[] = [];
  const exactFirst = new Map<string, number>();
  const paragraphsWithGram = new Map<string, number[]>();
  const gramCounts: number[] = [];
  blocks.forEach((text, j) => {
    const words = normalize(text).split(' ').filter(Boolean);
    const grams = trigrams(words);
    gramCounts[j] = grams.size;
    if (words.length < minWordsToCompare) return;
    const normalized = words.join(' ');
    const earlier = exactFirst.get(normalized);
    if (earlier !== undefined) {
      findings.push({
        kind: 'repeatedParagraph',
        similarity: 'exact',
        first: earlier,
        second: j,
        excerpt: excerpt(text),
      });
      return;
    }
    exactFirst.set(normalized, j);
    const shared = new Map<number, number>();
    for (const gram of grams) {
      for (const i of paragraphsWithGram.get(gram) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    }
    for (const [i, count] of [...shared].sort(([a], [b]) => a - b)) {
      const jaccard = count / (gramCounts[i]! + grams.size - count || 1);
      if (jaccard >= nearRepeatThreshold) {
        findings.push({
          kind: 'repeatedParagraph',
          similarity: 'near',
          first: i,
          second: j,
          excerpt: excerpt(text),
        });
        break;
      }
    }
    for (const gram of grams) {
      const list = paragraphsWithGram.get(gram);
      if (list) list.push(j);
      else paragraphsWithGram.set(gram, [j]);
    }
  });
  return findings;
}

const excerpt = (text: string) => (text.length > 140 ? `${text.slice(0, 137).trimEnd()}…` : text);

export interface ChecksInput {
  title: string;
  doc: PmNode;
  unresolvedThreadIds: string[];
  /** Suggestions in the draft that nobody settled (`doc` already leaves them out). */
  pendingSuggestions: number;
}

export function publishChecks({
  title,
  doc,
  unresolvedThreadIds,
  pendingSuggestions,
}: ChecksInput): PublishFinding[] {
  const findings: PublishFinding[] = [];
  if (unresolvedThreadIds.length > 0) {
    findings.push({
      kind: 'unresolvedThreads',
      count: unresolvedThreadIds.length,
      threadIds: unresolvedThreadIds,
    });
  }
  if (pendingSuggestions > 0) {
    findings.push({ kind: 'pendingSuggestions', count: pendingSuggestions });
  }
  const blocks = doc.content.map(nodeText);
  findings.push(...findRepeats(blocks));
  const words = countWords(blocks.join('\n'));
  if (words === 0) findings.push({ kind: 'emptyContent' });
  else if (words < limits.shortContentWords) findings.push({ kind: 'shortContent', words });
  if (!title.trim() || /^untitled$/i.test(title.trim())) findings.push({ kind: 'missingTitle' });
  return findings;
}
