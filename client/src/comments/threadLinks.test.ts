import { describe, expect, it } from 'vitest';
import type { CommentThread } from '@baton/shared/comments.ts';
import type { AnchorPlace } from './anchors.ts';
import { threadsOverlapping } from './threadLinks.ts';

const thread = (id: string, messages = 1, resolved = false) =>
  ({
    id,
    resolved,
    author: { id: `u-${id}`, name: `Author ${id}` },
    messages: Array.from({ length: messages }, () => ({})),
  }) as CommentThread;

const places = new Map<string, AnchorPlace>([
  ['inside', { from: 12, to: 15 }],
  ['across-start', { from: 5, to: 11 }],
  ['touching-end', { from: 20, to: 25 }],
  ['touching-start', { from: 2, to: 10 }],
  ['detached', 'detached'],
  ['loading', 'unknown'],
]);
const threads = [
  thread('inside', 3, true),
  thread('across-start'),
  thread('touching-end'),
  thread('touching-start'),
  thread('detached'),
  thread('loading'),
  thread('unplaced'),
];

describe('threads on a suggestion', () => {
  it('finds the placed threads overlapping its text, not those only touching it, in thread order', () => {
    expect(threadsOverlapping(threads, places, 10, 20)).toEqual([
      { id: 'inside', resolved: true, messages: 3, author: 'Author inside' },
      { id: 'across-start', resolved: false, messages: 1, author: 'Author across-start' },
    ]);
  });

  it('finds a thread around an empty range, and nothing where there is none', () => {
    expect(threadsOverlapping(threads, places, 13, 13).map((t) => t.id)).toEqual(['inside']);
    expect(threadsOverlapping(threads, places, 16, 19)).toEqual([]);
  });
});
