/** Which threads the panel lists, and in what order: the document's, detached ones last. */
import type { CommentThread } from '@baton/shared/comments.ts';
import type { AnchorPlace } from './anchors.ts';

export type ThreadFilter = 'open' | 'resolved' | 'all';

export const threadFilters: ReadonlyArray<{ id: ThreadFilter; label: string }> = [
  { id: 'open', label: 'Open' },
  { id: 'resolved', label: 'Resolved' },
  { id: 'all', label: 'All' },
];

export function matchesFilter(thread: CommentThread, filter: ThreadFilter): boolean {
  return filter === 'all' || thread.resolved === (filter === 'resolved');
}

export function filterCounts(threads: readonly CommentThread[]): Record<ThreadFilter, number> {
  const resolved = threads.filter((t) => t.resolved).length;
  return { open: threads.length - resolved, resolved, all: threads.length };
}

/**
 * Thread ids in document order, each with whether its passage was found. It
 * changes only when the order does, not on every keystroke that moves a passage.
 */
export type DocumentOrder = ReadonlyArray<
  readonly [id: string, state: 'placed' | 'detached' | 'unknown']
>;

export function documentOrder(places: ReadonlyMap<string, AnchorPlace>): DocumentOrder {
  const placed: Array<{ id: string; from: number; to: number }> = [];
  const rest: Array<readonly [string, 'detached' | 'unknown']> = [];
  for (const [id, place] of places) {
    if (typeof place === 'string') rest.push([id, place]);
    else placed.push({ id, ...place });
  }
  placed.sort((a, b) => a.from - b.from || a.to - b.to);
  return [...placed.map((p) => [p.id, 'placed'] as const), ...rest];
}

export interface ListedThread {
  thread: CommentThread;
  /** Its text is gone: shown as "On deleted text" with its quote. */
  detached: boolean;
}

/**
 * Orders `threads` (oldest first) by `order`. Where this tab cannot tell (the
 * text has not arrived yet), the server's `detached` flag decides.
 */
export function orderThreads(
  threads: readonly CommentThread[],
  order: DocumentOrder | null,
): ListedThread[] {
  const rank = new Map(order?.map(([id, state], index) => [id, { index, state }]));
  const listed = threads.map((thread, created) => {
    const known = rank.get(thread.id);
    const detached = known?.state === 'detached' || (known?.state !== 'placed' && thread.detached);
    // Placed threads by position, then the ones not placed yet, then detached: oldest first.
    const group = detached ? 2 : known?.state === 'placed' ? 0 : 1;
    return { thread, detached, group, at: group === 0 ? (known?.index ?? 0) : created };
  });
  listed.sort((a, b) => a.group - b.group || a.at - b.at);
  return listed.map(({ thread, detached }) => ({ thread, detached }));
}
