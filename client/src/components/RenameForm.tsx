import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { signInPath } from '../auth/returnTo.ts';
import { tooLong } from '@baton/shared/textLength.ts';
import { sentence } from '../lib/formErrors.ts';
import { RenameError } from '../lib/validateTitle.ts';

export interface RenameFormProps {
  initial: string;
  /** Accessible name of the input, e.g. "Series title". */
  label: string;
  /** The title's limit: a longer draft is kept, flagged as you type and not saved (never cut). */
  maxLength?: number;
  /** Checks the draft; returns an error message or null. */
  validate: (draft: string) => string | null;
  /** Saves the trimmed draft; rejects with an Error whose message is shown. */
  onSave: (draft: string) => Promise<void>;
  onDone: () => void;
}

/** A one-line form to rename something in place: Enter saves, Escape cancels. */
export function RenameForm({
  initial,
  label,
  maxLength,
  validate,
  onSave,
  onDone,
}: RenameFormProps) {
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [needsSignIn, setNeedsSignIn] = useState(false);
  const [saving, setSaving] = useState(false);
  const location = useLocation();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.select();
  }, []);

  const overLimit = maxLength === undefined ? null : tooLong('Title', draft, maxLength);
  const shownError = overLimit ? sentence(overLimit) : error;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = draft.trim();
    if (trimmed === initial) return onDone();
    if (overLimit) return inputRef.current?.focus();
    const problem = validate(draft);
    if (problem) return setError(problem);
    setSaving(true);
    setError(null);
    try {
      await onSave(trimmed);
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not save. Try again.');
      setNeedsSignIn(e instanceof RenameError && e.needsSignIn);
      setSaving(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onDone();
    }
  }

  return (
    <form className="rename-form" onSubmit={submit} noValidate>
      <input
        ref={inputRef}
        name="title"
        className={shownError ? 'input input--invalid' : 'input'}
        aria-label={label}
        aria-invalid={shownError ? true : undefined}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        disabled={saving}
      />
      <button type="submit" className="button button--primary button--small" disabled={saving}>
        {saving ? 'Saving…' : 'Save'}
      </button>
      <button
        type="button"
        className="button button--quiet button--small"
        onClick={onDone}
        disabled={saving}
      >
        Cancel
      </button>
      {shownError && (
        <p className="field__error rename-form__error" role="alert">
          {shownError}
          {!overLimit && needsSignIn && (
            <>
              {' '}
              <Link to={signInPath(location.pathname + location.search)}>Sign in again</Link>
            </>
          )}
        </p>
      )}
    </form>
  );
}
