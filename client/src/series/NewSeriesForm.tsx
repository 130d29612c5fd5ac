import { useState, type FormEvent } from 'react';
import { createSeriesInput, type SeriesSummary } from '@baton/shared/api.ts';
import { limits } from '@baton/shared/limits.ts';
import { api } from '../api/endpoints.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { TextField } from '../components/Field.tsx';
import { useSubmit } from '../lib/useSubmit.ts';

/** "New series": a title, validated with the shared schema, then created. */
export function NewSeriesForm({
  onCreated,
  autoFocus,
}: {
  onCreated: (s: SeriesSummary) => void;
  autoFocus?: boolean;
}) {
  const [title, setTitle] = useState('');
  const { busy, error, fields, validate, run, editField } = useSubmit();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = validate(createSeriesInput, { title });
    if (!input) return;
    const created = await run(() => api.createSeries(input));
    if (!created) return;
    setTitle('');
    onCreated(created.value);
  }

  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate aria-label="New series">
      <div className="inline-form__row">
        <TextField
          label="New series"
          name="title"
          placeholder="Title, e.g. Night Shift Letters"
          value={title}
          limit={{ noun: 'Title', max: limits.seriesTitleMax }}
          onChange={(e) => {
            setTitle(e.target.value);
            editField('title');
          }}
          error={fields.title ?? fields['']}
          autoFocus={autoFocus}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create series'}
        </button>
      </div>
      {error && <ErrorAlert error={error} action="create the series" />}
    </form>
  );
}
