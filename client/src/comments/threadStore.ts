/**
 * The threads of one installment, kept current: loaded from the API, then
 * updated by live events and by the answers to this tab's own changes. Each
 * carries the whole thread, so it replaces ours unless ours is fresher (the
 * events and the answers travel on different connections and may cross).
 */
import type {
  CommentThread,
  CreateThreadInput,
  ReanchorThreadInput,
} from '@baton/shared/comments.ts';
import type { ApiError } from '../api/http.ts';
import { toApiError } from '../api/useResource.ts';
import { commentsApi } from './commentsApi.ts';
import { followInstallmentEvents, type EventHandlers } from './threadEvents.ts';
import { snapshotStore } from '../lib/snapshotStore.ts';

export interface ThreadsSnapshot {
  /** Oldest first. */
  threads: readonly CommentThread[];
  /** The list has loaded at least once. */
  loaded: boolean;
  /** The latest load failed; `threads` may be out of date. */
  error: ApiError | null;
}

export interface ThreadStore {
  getSnapshot(): ThreadsSnapshot;
  subscribe(listener: () => void): () => void;
  /** Loads the list and follows live changes until the returned function is called. */
  connect(): () => void;
  /** Loads the list again (after a failure, or when the live stream (re)starts). */
  reload(): void;
  /** Takes a thread as the server sent it, unless a fresher copy is already here. */
  receive(thread: CommentThread): void;
  createThread(input: CreateThreadInput): Promise<CommentThread>;
  reply(threadId: string, body: string): Promise<CommentThread>;
  setResolved(threadId: string, resolved: boolean): Promise<CommentThread>;
  /** Moves a thread onto text that this tab's undo or redo brought back. */
  reanchor(threadId: string, anchor: ReanchorThreadInput['anchor']): Promise<CommentThread>;
  editMessage(messageId: string, body: string): Promise<CommentThread>;
  deleteMessage(messageId: string): Promise<CommentThread>;
}

export interface ThreadStoreDeps {
  api: typeof commentsApi;
  follow: (installmentId: string, handlers: EventHandlers) => () => void;
}

/**
 * How far a thread has come. Every change raises one part and lowers none:
 * a reply or a resolution moves `updatedAt`, an edit an `editedAt`, a deletion
 * the deleted count. So a later copy never compares lower than an earlier one.
 */
function progress(thread: CommentThread): string[] {
  let deleted = 0;
  let lastEdit = '';
  for (const m of thread.messages) {
    if (m.deleted) deleted++;
    if (m.editedAt && m.editedAt > lastEdit) lastEdit = m.editedAt;
  }
  const pad = (n: number) => String(n).padStart(6, '0');
  return [thread.updatedAt, pad(thread.messages.length), pad(deleted), lastEdit];
}

/** Whether `incoming` is older than `current` (equal counts as not older: it may say more). */
export function isOlder(incoming: CommentThread, current: CommentThread): boolean {
  const a = progress(incoming);
  const b = progress(current);
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < b[i]!) return true;
    if (a[i]! > b[i]!) return false;
  }
  return false;
}

const byCreation = (a: CommentThread, b: CommentThread) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;

export function createThreadStore(
  installmentId: string,
  { api, follow }: ThreadStoreDeps = { api: commentsApi, follow: followInstallmentEvents },
): ThreadStore {
  const store = snapshotStore<ThreadsSnapshot>({ threads: [], loaded: false, error: null });
  let loading: AbortController | null = null;
  let loadAgain = false;

  const set = (next: Partial<ThreadsSnapshot>) => store.set({ ...store.getSnapshot(), ...next });

  function merge(incoming: readonly CommentThread[]): CommentThread[] {
    const byId = new Map(store.getSnapshot().threads.map((t) => [t.id, t]));
    for (const thread of incoming) {
      const current = byId.get(thread.id);
      if (!current || !isOlder(thread, current)) byId.set(thread.id, thread);
    }
    // Threads are never deleted, so one missing from a list is newer than that list.
    return [...byId.values()].sort(byCreation);
  }

  function receive(thread: CommentThread) {
    const current = store.getSnapshot().threads.find((t) => t.id === thread.id);
    if (current && (current === thread || isOlder(thread, current))) return;
    set({ threads: merge([thread]) });
  }

  function reload() {
    // A load already running may predate what we are asked to catch up with: queue one more.
    if (loading) {
      loadAgain = true;
      return;
    }
    const controller = new AbortController();
    loading = controller;
    api
      .listThreads(installmentId, controller.signal)
      .then(
        (threads) => {
          if (controller.signal.aborted) return;
          set({ threads: merge(threads), loaded: true, error: null });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          set({ error: toApiError(error) });
        },
      )
      .finally(() => {
        if (loading !== controller) return;
        loading = null;
        if (loadAgain) {
          loadAgain = false;
          reload();
        }
      });
  }

  const keep = async (answer: Promise<CommentThread>) => {
    const thread = await answer;
    receive(thread);
    return thread;
  };

  return {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    connect() {
      const stop = follow(installmentId, { onThread: receive, onResync: reload });
      reload();
      return () => {
        stop();
        loading?.abort();
        loading = null;
        loadAgain = false;
      };
    },
    reload,
    receive,
    createThread: (input) => keep(api.createThread(installmentId, input)),
    reply: (threadId, body) => keep(api.reply(threadId, { body })),
    setResolved: (threadId, resolved) => keep(api.setResolved(threadId, { resolved })),
    reanchor: (threadId, anchor) => keep(api.reanchor(threadId, { anchor })),
    editMessage: (messageId, body) => keep(api.editMessage(messageId, { body })),
    deleteMessage: (messageId) => keep(api.deleteMessage(messageId)),
  };
}
