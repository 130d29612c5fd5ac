/**
 * What the suggestions list needs from the comments: the threads on a
 * suggestion's text, and a way to start or open one. A thread on a suggestion
 * is an ordinary thread anchored on its text (decision 0010), so it is found
 * by where it sits, and it stays with the text when the suggestion is settled.
 */
import type { CommentThread } from '@baton/shared/comments.ts';
import type { AnchorPlace } from './anchors.ts';

export interface LinkedThread {
  id: string;
  resolved: boolean;
  /** Messages in the thread (the first one included). */
  messages: number;
  /** Who started it. */
  author: string;
}

export interface ThreadLinks {
  /** Whether you may start a thread (commenters, editors, owners). */
  canComment: boolean;
  /** Threads on text overlapping [from, to), in the order they were started. */
  on(from: number, to: number): LinkedThread[];
  /** Opens the comment box on [from, to). */
  discuss(from: number, to: number): void;
  /** Shows a thread's card and passage. */
  show(threadId: string): void;
}

/** The threads whose passage overlaps [from, to) (an empty range: those touching it). */
export function threadsOverlapping(
  threads: readonly CommentThread[],
  places: ReadonlyMap<string, AnchorPlace>,
  from: number,
  to: number,
): LinkedThread[] {
  const linked: LinkedThread[] = [];
  for (const thread of threads) {
    const place = places.get(thread.id);
    if (typeof place !== 'object' || place.from > to || place.to < from) continue;
    // Touching at one edge is not on it, unless the range itself is a point.
    if (from < to && (place.to === from || place.from === to)) continue;
    linked.push({
      id: thread.id,
      resolved: thread.resolved,
      messages: thread.messages.length,
      author: thread.author.name,
    });
  }
  return linked;
}
