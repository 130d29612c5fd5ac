import type { PublishFinding } from '@baton/shared/publish.ts';
import { describe, expect, it } from 'vitest';
import { groupFindings, visibleFindings } from './findingGroups.ts';

const repeat = (second: number): PublishFinding => ({
  kind: 'repeatedParagraph',
  similarity: 'exact',
  first: 0,
  second,
  excerpt: 'The night shift handed me the baton.',
});

describe('publish findings, grouped', () => {
  it('PUB-11 groups warnings by kind with counts and a summary line; unresolved threads count each thread', () => {
    const { groups, summary } = groupFindings([
      { kind: 'missingTitle' },
      repeat(3),
      { kind: 'unresolvedThreads', count: 2, threadIds: ['a', 'b'] },
      repeat(5),
      repeat(8),
    ]);
    expect(summary).toBe('6 findings: 3 repeated paragraphs, 2 unresolved threads, no title');
    expect(groups.map((g) => g.heading)).toEqual([
      'Repeated paragraphs (3)',
      'Unresolved threads (2)',
      'No title',
    ]);
    expect(groups[0]?.findings).toEqual([repeat(3), repeat(5), repeat(8)]);
  });

  it('PUB-11 singular wording, short texts, and nothing to summarise without warnings', () => {
    expect(groupFindings([repeat(1)]).summary).toBe('1 finding: 1 repeated paragraph');
    expect(
      groupFindings([
        { kind: 'shortContent', words: 12 },
        { kind: 'unresolvedThreads', count: 1, threadIds: ['a'] },
      ]).summary,
    ).toBe('2 findings: 1 unresolved thread, a very short text');
    expect(groupFindings([{ kind: 'emptyContent' }])).toEqual({ groups: [], summary: null });
    expect(groupFindings([])).toEqual({ groups: [], summary: null });
  });

  it('PUB-11 a group of more than three shows the first three and how many more', () => {
    const items = [1, 2, 3, 4, 5];
    expect(visibleFindings(items, false)).toEqual({ shown: [1, 2, 3], hidden: 2 });
    expect(visibleFindings(items, true)).toEqual({ shown: items, hidden: 0 });
    expect(visibleFindings([1, 2, 3], false)).toEqual({ shown: [1, 2, 3], hidden: 0 });
  });
});
