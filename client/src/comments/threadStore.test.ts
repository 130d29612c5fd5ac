import { describe, expect, it, vi } from 'vitest';
import type { CommentMessage, CommentThread } from '@baton/shared/comments.ts';
import type { commentsApi } from './commentsApi.ts';
import type { EventHandlers } from './threadEvents.ts';
import { createThreadStore, isOlder } from './threadStore.ts';

const person = { id: 'u1', name: 'Ann' };

function message(id: string, patch: Partial<CommentMessage> = {}): CommentMessage {
  return {
    id,
    threadId: 't1',
    author: person,
    body: `body ${id}`,
    deleted: false,
    createdAt: '2030-01-01T00:00:00.000Z',
    editedAt: null,
    ...patch,
  };
}

function thread(patch: Partial<CommentThread> = {}): CommentThread {
  return {
    id: 't1',
    installmentId: 'i1',
    anchor: { start: 'AA==', end: 'AA==' },
    quote: 'quoted',
    detached: false,
    resolved: false,
    resolvedAt: null,
    resolvedBy: null,
    author: person,
    createdAt: '2030-01-01T00:00:00.000Z',
    updatedAt: '2030-01-01T00:00:00.000Z',
    messages: [message('m1')],
    ...patch,
  };
}

/** A store on a fake API whose list answers the test releases by hand. */
function setup() {
  const lists: Array<(threads: CommentThread[]) => void> = [];
  let handlers: EventHandlers | null = null;
  const api = {
    listThreads: vi.fn(() => new Promise<CommentThread[]>((resolve) => lists.push(resolve))),
  } as unknown as typeof commentsApi;
  const store = createThreadStore('i1', {
    api,
    follow: (_id, h) => {
      handlers = h;
      return () => (handlers = null);
    },
  });
  const disconnect = store.connect();
  const events = () => {
    if (!handlers) throw new Error('not following');
    return handlers;
  };
  const answerList = async (threads: CommentThread[]) => {
    const answer = lists.shift();
    if (!answer) throw new Error('no list request pending');
    answer(threads);
    await Promise.resolve();
    await Promise.resolve();
  };
  return { store, api, events, answerList, disconnect, pending: () => lists.length };
}

describe('thread store', () => {
  it('orders copies of a thread by how far it has come', () => {
    const base = thread();
    const replied = thread({
      updatedAt: '2030-01-01T00:01:00.000Z',
      messages: [message('m1'), message('m2')],
    });
    const edited = thread({ messages: [message('m1', { editedAt: '2030-01-01T00:02:00.000Z' })] });
    const deleted = thread({ messages: [message('m1', { deleted: true, body: '' })] });
    expect(isOlder(base, replied)).toBe(true);
    expect(isOlder(replied, base)).toBe(false);
    expect(isOlder(base, edited)).toBe(true);
    expect(isOlder(base, deleted)).toBe(true);
    expect(isOlder(base, base)).toBe(false);
  });

  it('loads, then takes live changes, and never goes back to an older copy', async () => {
    const t = setup();
    await t.answerList([thread()]);
    expect(t.store.getSnapshot()).toMatchObject({ loaded: true, error: null });
    const resolved = thread({ resolved: true, updatedAt: '2030-01-01T00:05:00.000Z' });
    t.events().onThread(resolved);
    // The answer to an earlier reply arrives after the resolution's event.
    t.store.receive(thread({ updatedAt: '2030-01-01T00:04:00.000Z' }));
    expect(t.store.getSnapshot().threads).toEqual([resolved]);
  });

  it('keeps what events brought while a list was loading', async () => {
    const t = setup();
    const created = thread({ id: 't2', createdAt: '2030-01-02T00:00:00.000Z' });
    const replied = thread({
      updatedAt: '2030-01-01T00:01:00.000Z',
      messages: [message('m1'), message('m2')],
    });
    t.events().onThread(created);
    t.events().onThread(replied);
    await t.answerList([thread()]); // read before those changes
    expect(t.store.getSnapshot().threads).toEqual([replied, created]);
  });

  it('loads again when the stream (re)starts, one request at a time', async () => {
    const t = setup();
    t.events().onResync(); // `ready` while the first load runs
    t.events().onResync();
    expect(t.pending()).toBe(1);
    await t.answerList([]);
    expect(t.pending()).toBe(1); // the queued reload, once
    await t.answerList([thread()]);
    expect(t.pending()).toBe(0);
    expect(t.store.getSnapshot().threads).toHaveLength(1);
    t.disconnect();
    expect(() => t.events()).toThrow('not following');
  });
});
