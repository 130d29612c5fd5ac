import { useState } from 'react';
import type { CommentMessage } from '@baton/shared/comments.ts';
import { colorForUser } from '@baton/shared/userColor.ts';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { formatUpdated } from '../lib/format.ts';
import { CommentForm } from './CommentForm.tsx';
import { CommentText } from './CommentText.tsx';

interface Props {
  message: CommentMessage;
  /** Yours, and you may still comment: you can edit and delete it. */
  editable: boolean;
  now: number;
  onEdit: (body: string) => Promise<void>;
  onDelete: () => Promise<void>;
}

const fullDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const exact = (iso: string) => fullDate.format(new Date(iso));

/** One message of a thread: author, when, the text (or "Message deleted"), and your actions. */
export function MessageItem({ message, editable, now, onEdit, onDelete }: Props) {
  const [editing, setEditing] = useState(false);
  const { author } = message;
  const canChange = editable && !message.deleted;

  return (
    <li className="message" data-testid="message">
      <div className="message__head">
        <span
          className="message__avatar"
          style={{ backgroundColor: colorForUser(author.id) }}
          aria-hidden="true"
        >
          {[...author.name.trim()][0]?.toUpperCase() ?? '?'}
        </span>
        <span className="message__author">{author.name}</span>
        <time
          className="message__time"
          dateTime={message.createdAt}
          title={exact(message.createdAt)}
        >
          {formatUpdated(message.createdAt, now)}
        </time>
        {message.editedAt && !message.deleted && (
          <span className="message__edited" title={`Edited ${exact(message.editedAt)}`}>
            edited
          </span>
        )}
      </div>
      {message.deleted ? (
        <p className="message__body message__body--deleted">Message deleted</p>
      ) : editing ? (
        <CommentForm
          label="Edit your message"
          placeholder="Your message"
          submitLabel="Save"
          busyLabel="Saving…"
          initial={message.body}
          autoFocus
          onSubmit={async (body) => {
            await onEdit(body);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <p className="message__body">
          <CommentText text={message.body} />
        </p>
      )}
      {canChange && !editing && (
        <div className="message__actions">
          <button
            type="button"
            className="button button--small"
            onClick={() => setEditing(true)}
            aria-label="Edit your message"
          >
            Edit
          </button>
          <ConfirmAction
            label="Delete"
            ariaLabel="Delete your message"
            question="Delete it?"
            confirmLabel="Delete"
            busyLabel="Deleting…"
            onConfirm={onDelete}
          />
        </div>
      )}
    </li>
  );
}
