import { describe, expect, it } from 'vitest';
import type { CommentThread } from '@baton/shared/comments.ts';
import type { AnchorPlace } from './anchors.ts';
import { documentOrder, filterCounts, orderThreads } from './threadOrder.ts';
import { highlightSegments } from './highlightSegments.ts';

const thread = (id: string, patch: Partial<CommentThread> = {}) =>
  ({ id, resolved: false, detached: false, ...patch }) as CommentThread;

describe('thread order', () => {
  it('lists threads in document order, unplaced ones next, detached ones last', () => {
    const order = documentOrder(
      new Map<string, AnchorPlace>([
        ['a', { from: 30, to: 40 }],
        ['b', 'detached'],
        ['c', { from: 5, to: 9 }],
        ['d', 'unknown'],
        ['e', { from: 5, to: 7 }],
      ]),
    );
    expect(order).toEqual([
      ['e', 'placed'],
      ['c', 'placed'],
      ['a', 'placed'],
      ['b', 'detached'],
      ['d', 'unknown'],
    ]);
    const threads = ['a', 'b', 'c', 'd', 'e'].map((id) => thread(id));
    threads[3] = thread('d', { detached: true }); // the server says so, and we cannot tell yet
    const listed = orderThreads(threads, order);
    expect(listed.map((l) => [l.thread.id, l.detached])).toEqual([
      ['e', false],
      ['c', false],
      ['a', false],
      ['b', true],
      ['d', true],
    ]);
  });

  it('counts per filter', () => {
    const threads = [thread('a'), thread('b', { resolved: true }), thread('c')];
    expect(filterCounts(threads)).toEqual({ open: 2, resolved: 1, all: 3 });
  });
});

describe('highlight segments', () => {
  it('cuts overlapping highlights so each segment knows how many cover it', () => {
    expect(
      highlightSegments([
        { id: 'a', from: 1, to: 10 },
        { id: 'b', from: 5, to: 15 },
        { id: 'c', from: 20, to: 22 },
      ]),
    ).toEqual([
      { from: 1, to: 5, ids: ['a'] },
      { from: 5, to: 10, ids: ['a', 'b'] },
      { from: 10, to: 15, ids: ['b'] },
      { from: 20, to: 22, ids: ['c'] },
    ]);
  });
});
