import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { limits } from '@baton/shared/limits.ts';
import { isApple } from '../lib/platform.ts';
import { noFieldErrors, useSubmit } from '../lib/useSubmit.ts';
import { commentErrorText } from './commentErrors.ts';

interface Props {
  /** Accessible name of the text box, e.g. "Reply". */
  label: string;
  placeholder: string;
  submitLabel: string;
  busyLabel: string;
  initial?: string;
  autoFocus?: boolean;
  rows?: number;
  /** Throws to keep the form open with the error shown. */
  onSubmit: (body: string) => Promise<void>;
  onCancel?: () => void;
  /** Empty the box after a successful submit (replies); others are closed by their owner. */
  clearOnSubmit?: boolean;
  /** Another action for the button row, at its start (e.g. Resolve). */
  extra?: ReactNode;
}

const submitHint = isApple ? '⌘↩' : 'Ctrl+Enter';
/** The length counter shows from here on, before the limit is reached. */
const countFrom = Math.floor(limits.commentBodyMax * 0.9);

/** A comment box: Cmd/Ctrl-Enter sends, Escape cancels, the length limit shows as it nears. */
export function CommentForm({
  label,
  placeholder,
  submitLabel,
  busyLabel,
  initial = '',
  autoFocus = false,
  rows = 3,
  onSubmit,
  onCancel,
  clearOnSubmit = false,
  extra,
}: Props) {
  const [body, setBody] = useState(initial);
  const { busy, error, run } = useSubmit();
  const box = useRef<HTMLTextAreaElement>(null);
  const errorId = useId();
  const length = body.trim().length;
  const tooLong = length > limits.commentBodyMax;

  useEffect(() => {
    if (!autoFocus) return;
    const el = box.current;
    el?.focus();
    el?.setSelectionRange(el.value.length, el.value.length);
  }, [autoFocus]);

  async function submit() {
    if (length === 0 || tooLong) return;
    const sent = await run(() => onSubmit(body.trim()), noFieldErrors);
    if (sent && clearOnSubmit) setBody('');
  }

  return (
    <form
      className="comment-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <textarea
        ref={box}
        className={`input comment-form__box${tooLong ? ' input--invalid' : ''}`}
        aria-label={label}
        aria-describedby={error ? errorId : undefined}
        aria-invalid={tooLong || undefined}
        placeholder={placeholder}
        rows={rows}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
            event.preventDefault();
            void submit();
          } else if (event.key === 'Escape' && onCancel) {
            event.preventDefault();
            event.stopPropagation();
            onCancel();
          }
        }}
      />
      {error && (
        <p className="field__error" id={errorId} role="alert">
          {commentErrorText(error)}
        </p>
      )}
      <div className="comment-form__row">
        {extra}
        {length >= countFrom && (
          <span className={`comment-form__count${tooLong ? ' comment-form__count--over' : ''}`}>
            {length.toLocaleString()} / {limits.commentBodyMax.toLocaleString()}
          </span>
        )}
        {onCancel && (
          <button type="button" className="button button--small button--quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button
          type="submit"
          className="button button--small button--primary"
          disabled={busy || length === 0 || tooLong}
          title={`${submitLabel} (${submitHint})`}
        >
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
