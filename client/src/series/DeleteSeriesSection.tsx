import { useState, type FormEvent } from 'react';
import { api } from '../api/endpoints.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { TextField } from '../components/Field.tsx';
import { noFieldErrors, useSubmit } from '../lib/useSubmit.ts';

interface Props {
  seriesId: string;
  title: string;
  onDeleted: () => void;
}

/** Deleting a series for good, confirmed by typing its title. */
export function DeleteSeriesSection({ seriesId, title, onDeleted }: Props) {
  const [typed, setTyped] = useState('');
  const { busy, error, run } = useSubmit();
  const matches = typed.trim() === title.trim();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!matches) return;
    if (await run(() => api.deleteSeries(seriesId), noFieldErrors)) onDeleted();
  }

  return (
    <form className="form danger-zone" onSubmit={onSubmit} aria-labelledby="delete-series-heading">
      <div>
        <h3 id="delete-series-heading" className="danger-zone__title">
          Delete this series
        </h3>
        <p className="danger-zone__text">
          Deletes every installment, for everyone with access, and takes its public page down. This
          cannot be undone.
        </p>
      </div>
      <TextField
        label={`Type “${title}” to confirm`}
        name="confirm-title"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        autoComplete="off"
        spellCheck={false}
      />
      {error && <ErrorAlert error={error} action="delete the series" />}
      <div className="form__actions">
        <button type="submit" className="button button--danger" disabled={!matches || busy}>
          {busy ? 'Deleting…' : 'Delete series'}
        </button>
      </div>
    </form>
  );
}
