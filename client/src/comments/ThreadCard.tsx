import { useState } from 'react';
import type { CommentThread } from '@baton/shared/comments.ts';
import { formatUpdated } from '../lib/format.ts';
import { noFieldErrors, useSubmit } from '../lib/useSubmit.ts';
import { commentErrorText } from './commentErrors.ts';
import { CommentForm } from './CommentForm.tsx';
import { MessageItem } from './MessageItem.tsx';
import type { ThreadStore } from './threadStore.ts';

interface Props {
  thread: CommentThread;
  detached: boolean;
  focused: boolean;
  /** Your user id. */
  me: string;
  canComment: boolean;
  /** Your role may edit the text (and so resolve anyone's thread). */
  canEdit: boolean;
  store: ThreadStore;
  now: number;
  /** Select this thread; `reveal` scrolls the editor to its passage. */
  onFocus: (reveal: boolean) => void;
}

/** One thread: the quoted passage, its messages, a reply box and Resolve / Reopen. */
export function ThreadCard({
  thread,
  detached,
  focused,
  me,
  canComment,
  canEdit,
  store,
  now,
  onFocus,
}: Props) {
  const [replying, setReplying] = useState(false);
  const { busy, error, run } = useSubmit();
  // The server allows the thread's author (who may still comment) or anyone who can edit.
  const canResolve = canEdit || (canComment && thread.author.id === me);
  const showReply = canComment && (focused || replying);

  async function toggleResolved() {
    await run(() => store.setResolved(thread.id, !thread.resolved), noFieldErrors);
  }

  const resolveButton = canResolve && (
    <button
      type="button"
      className="button button--small thread__resolve"
      disabled={busy}
      onClick={() => void toggleResolved()}
    >
      {thread.resolved ? 'Reopen' : 'Resolve'}
    </button>
  );

  const classes = ['thread'];
  if (focused) classes.push('thread--focused');
  if (thread.resolved) classes.push('thread--resolved');
  if (detached) classes.push('thread--detached');

  return (
    <li
      className={classes.join(' ')}
      data-testid="thread"
      data-thread-id={thread.id}
      data-resolved={thread.resolved}
      data-detached={detached}
      aria-current={focused || undefined}
      tabIndex={-1}
      onClick={(event) => {
        if (focused) return;
        // A click on a control acts on it; only a click on the card itself shows the passage.
        const onControl = (event.target as HTMLElement).closest('button, a, textarea, input');
        onFocus(!onControl);
      }}
    >
      <button
        type="button"
        className="thread__quote"
        onClick={(event) => {
          event.stopPropagation(); // not also the card's click, which would not scroll
          onFocus(true);
        }}
        title={detached ? 'The text this comment was on was deleted' : 'Show in the text'}
      >
        {detached && <span className="thread__tag">On deleted text</span>}
        <span className="thread__quote-text">{thread.quote}</span>
      </button>
      <ol className="thread__messages">
        {thread.messages.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            editable={canComment && message.author.id === me}
            now={now}
            onEdit={async (body) => {
              await store.editMessage(message.id, body);
            }}
            onDelete={async () => {
              await run(() => store.deleteMessage(message.id), noFieldErrors);
            }}
          />
        ))}
      </ol>
      {thread.resolved && (
        <p className="thread__status">
          Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy.name}` : ''}
          {thread.resolvedAt ? ` · ${formatUpdated(thread.resolvedAt, now)}` : ''}
        </p>
      )}
      {error && (
        <p className="field__error" role="alert">
          {commentErrorText(error)}
        </p>
      )}
      {showReply && (
        <CommentForm
          label="Reply"
          placeholder="Reply…"
          submitLabel="Reply"
          busyLabel="Sending…"
          rows={2}
          autoFocus={replying}
          clearOnSubmit
          onSubmit={async (body) => {
            await store.reply(thread.id, body);
            setReplying(false);
          }}
          onCancel={replying ? () => setReplying(false) : undefined}
          extra={resolveButton}
        />
      )}
      {!showReply && (canResolve || canComment) && (
        <div className="thread__actions">
          {resolveButton}
          {canComment && (
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => {
                setReplying(true);
                onFocus(false);
              }}
            >
              Reply
            </button>
          )}
        </div>
      )}
    </li>
  );
}
