import { can, type Role } from '@baton/shared/roles.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { ThreadCard } from './ThreadCard.tsx';
import {
  matchesFilter,
  orderThreads,
  type DocumentOrder,
  type ThreadFilter,
} from './threadOrder.ts';
import type { ThreadStore, ThreadsSnapshot } from './threadStore.ts';

interface Props {
  snapshot: ThreadsSnapshot;
  order: DocumentOrder | null;
  filter: ThreadFilter;
  focused: string | null;
  me: string;
  role: Role | null;
  store: ThreadStore;
  now: number;
  /** How to start a comment, for the empty state; null when you cannot. */
  emptyHint: string | null;
  onFocus: (threadId: string, reveal: boolean) => void;
}

const filteredOut: Record<ThreadFilter, string> = {
  open: 'No open comments.',
  resolved: 'No resolved comments.',
  all: 'No comments.',
};

/** The threads the filter shows, in document order; or why there are none. */
export function ThreadList({
  snapshot,
  order,
  filter,
  focused,
  me,
  role,
  store,
  now,
  emptyHint,
  onFocus,
}: Props) {
  const { threads, loaded, error } = snapshot;
  if (!loaded) {
    return error ? (
      <ErrorAlert error={error} action="load the comments" onRetry={store.reload} />
    ) : (
      <Loading label="Loading comments…" />
    );
  }

  const listed = orderThreads(threads, order).filter((l) => matchesFilter(l.thread, filter));
  return (
    <>
      {error && (
        <p className="comments__notice comments__notice--error" role="alert">
          Could not refresh the comments.{' '}
          <button type="button" className="link-button" onClick={store.reload}>
            Try again
          </button>
        </p>
      )}
      {threads.length === 0 ? (
        <p className="comments__empty">No comments yet.{emptyHint && ` ${emptyHint}`}</p>
      ) : listed.length === 0 ? (
        <p className="comments__empty">{filteredOut[filter]}</p>
      ) : (
        <ol className="comments__list">
          {listed.map(({ thread, detached }) => (
            <ThreadCard
              key={thread.id}
              thread={thread}
              detached={detached}
              focused={thread.id === focused}
              me={me}
              canComment={can(role, 'comment')}
              canEdit={can(role, 'edit')}
              store={store}
              now={now}
              onFocus={(reveal) => onFocus(thread.id, reveal)}
            />
          ))}
        </ol>
      )}
    </>
  );
}
