/**
 * Follows `GET /api/installments/:id/events` with the browser's EventSource,
 * which reconnects by itself and resumes with Last-Event-ID. When the server
 * refuses the stream (403, 404) the browser stops retrying; the editor page
 * already tells the person about lost access, so nothing more is said here.
 */
import {
  installmentEventTypes,
  type CommentThread,
  type ThreadEventData,
} from '@baton/shared/comments.ts';
import { installmentEventsUrl } from './commentsApi.ts';

export interface EventHandlers {
  /** A thread changed; the event carries all of it. */
  onThread: (thread: CommentThread) => void;
  /** The stream (re)started or cannot resume: load the whole list again. */
  onResync: () => void;
}

/** The events that carry a thread (publishing events share the channel). */
const threadEventTypes = installmentEventTypes.filter(
  (type) => type.startsWith('thread.') || type.startsWith('message.'),
);

function threadOf(data: unknown): CommentThread | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed = JSON.parse(data) as Partial<ThreadEventData> | null;
    const thread = parsed?.thread;
    return thread && typeof thread.id === 'string' && Array.isArray(thread.messages)
      ? thread
      : null;
  } catch {
    return null;
  }
}

/** Starts following; returns the function that stops. */
export function followInstallmentEvents(installmentId: string, handlers: EventHandlers) {
  const source = new EventSource(installmentEventsUrl(installmentId));
  const onResync = () => handlers.onResync();
  const onThread = (event: MessageEvent<unknown>) => {
    const thread = threadOf(event.data);
    if (thread) handlers.onThread(thread);
  };
  // `ready` opens every connection, resumed or not: events between our last list and this
  // connection may be gone, so the list is read again.
  source.addEventListener('ready', onResync);
  source.addEventListener('reset', onResync);
  for (const type of threadEventTypes) source.addEventListener(type, onThread);
  return () => source.close();
}
