import { useId, useState, type FormEvent } from 'react';
import { limits } from '@baton/shared/limits.ts';
import type { PublishResult } from '@baton/shared/publish.ts';
import { tooLong } from '@baton/shared/textLength.ts';
import { useResource } from '../api/useResource.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { Modal } from '../components/Modal.tsx';
import { sentence } from '../lib/formErrors.ts';
import { partLabel } from '../lib/format.ts';
import { isApple } from '../lib/platform.ts';
import { serverFieldErrors, useSubmit, type FieldsOf } from '../lib/useSubmit.ts';
import { PublishFindings } from './PublishFindings.tsx';
import { readerLinks } from './readerLinks.ts';
import { versionsApi } from './versionsApi.ts';

export interface PublishTarget {
  id: string;
  number: number;
  seriesSlug: string;
}

interface Props {
  installment: PublishTarget;
  /** The highest version number used so far (withdrawn ones included), if any. */
  latestNumber: number | null;
  /** The latest version readers see (not withdrawn): "nothing changed since" compares with it. */
  liveNumber: number | null;
  /** The note being written; kept by the parent so it survives closing the dialog. */
  note: string;
  onNoteChange: (note: string) => void;
  /** A version was published (or the latest one confirmed). */
  onPublished: (result: PublishResult) => void;
  /** Close and go to top-level block `index` in the editor. */
  onJump: (index: number) => void;
  onClose: () => void;
}

/** "Publish": the checks as warnings, a note, then the new version and its public page. */
/** A refused note shows under the note; any other refusal above the actions. */
const noteRefused: FieldsOf = (error) => {
  const fields = serverFieldErrors(error);
  return fields?.note ? fields : null;
};

export function PublishDialog({
  installment,
  latestNumber,
  liveNumber,
  note,
  onNoteChange,
  onPublished,
  onJump,
  onClose,
}: Props) {
  const { state, reload } = useResource(`publish-checks:${installment.id}`, (signal) =>
    versionsApi.publishChecks(installment.id, signal),
  );
  const { busy, error, fields, run, editField } = useSubmit();
  const [result, setResult] = useState<PublishResult | null>(null);
  const noteId = useId();
  const blockingId = useId();
  const checks = state.status === 'ready' ? state.data : null;
  // A long note is kept and flagged, never cut; publishing waits until it fits.
  const noteTooLong = tooLong('Note', note, limits.versionNoteMax);
  const noteProblem = noteTooLong ? sentence(noteTooLong) : fields.note;

  async function publish(event?: FormEvent) {
    event?.preventDefault();
    if (busy || state.status === 'loading' || checks?.blocking || noteTooLong) return;
    const trimmed = note.trim();
    const done = await run(
      () => versionsApi.publish(installment.id, trimmed ? { note: trimmed } : {}),
      noteRefused,
    );
    if (!done) return;
    setResult(done.value);
    if (done.value.created) onNoteChange('');
    onPublished(done.value);
  }

  const title = `Publish ${partLabel(installment.number)}`;
  if (result) {
    const k = result.version.number;
    return (
      <Modal title={title} onClose={onClose}>
        <div className="publish-done" role="status">
          <p className="publish-done__headline">
            {result.created ? `Published version ${k}` : result.message}
          </p>
          <p className="publish-done__text">
            {result.created
              ? 'It is public now and never changes; later edits go into the next version.'
              : `Readers keep seeing version ${k}.`}
          </p>
        </div>
        <div className="form__actions">
          <a
            className="button button--primary"
            href={readerLinks.version(installment.seriesSlug, installment.number, k)}
            target="_blank"
            rel="noopener"
            // The form that had the focus is gone; the next step is here.
            autoFocus
          >
            Open the public page ↗
          </a>
          <button type="button" className="button" onClick={onClose}>
            Done
          </button>
        </div>
      </Modal>
    );
  }

  const next = (latestNumber ?? 0) + 1;
  return (
    <Modal title={title} onClose={onClose}>
      <form className="form publish-form" onSubmit={publish} noValidate aria-busy={busy}>
        <section className="publish-form__checks" aria-labelledby={`${blockingId}-title`}>
          <div className="publish-form__checks-head">
            <h3 id={`${blockingId}-title`} className="publish-form__heading">
              Before you publish
            </h3>
            {state.status !== 'loading' && (
              <button type="button" className="button button--quiet button--small" onClick={reload}>
                Check again
              </button>
            )}
          </div>
          {state.status === 'loading' && <Loading label="Checking the installment…" />}
          {state.status === 'error' && (
            <ErrorAlert error={state.error} action="check the installment" onRetry={reload} />
          )}
          {checks && (
            <PublishFindings
              checks={checks}
              latestNumber={liveNumber}
              onJump={onJump}
              blockingId={blockingId}
            />
          )}
        </section>

        <div className="field">
          <label htmlFor={noteId} className="field__label">
            What changed? <span className="field__optional">(optional)</span>
          </label>
          <textarea
            id={noteId}
            name="note"
            className={noteProblem ? 'input input--invalid' : 'input'}
            rows={3}
            value={note}
            placeholder={latestNumber ? 'Fixed the ending; new paragraph on…' : 'First version'}
            onChange={(e) => {
              onNoteChange(e.target.value);
              editField('note');
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (isApple ? e.metaKey : e.ctrlKey)) void publish();
            }}
            aria-invalid={noteProblem ? true : undefined}
            aria-describedby={`${noteId}-hint${noteProblem ? ` ${noteId}-error` : ''}`}
          />
          <p id={`${noteId}-hint`} className="field__hint publish-form__hint">
            <span>Readers see this note in the list of versions.</span>
            <span
              className={`publish-form__count${noteTooLong ? ' publish-form__count--over' : ''}`}
              aria-hidden={note.length < limits.versionNoteMax - 100}
            >
              {note.length}/{limits.versionNoteMax}
            </span>
          </p>
          {noteProblem && (
            <p id={`${noteId}-error`} className="field__error">
              {noteProblem}
            </p>
          )}
        </div>

        {error && <ErrorAlert error={error} action="publish" />}
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || state.status === 'loading' || checks?.blocking || !!noteTooLong}
            aria-describedby={
              checks?.blocking ? blockingId : noteTooLong ? `${noteId}-error` : undefined
            }
            title={checks?.blocking ? 'The installment is empty: nothing to publish.' : undefined}
          >
            {busy ? 'Publishing…' : checks?.unchanged ? 'Publish' : `Publish version ${next}`}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
