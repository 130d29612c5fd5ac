import { useState, type FormEvent } from 'react';
import { createSeriesInput, type SeriesSummary } from '@baton/shared/api.ts';
import { limits } from '@baton/shared/limits.ts';
import { api } from '../api/endpoints.ts';
import { toApiError } from '../api/useResource.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import type { ApiError } from '../api/http.ts';
import { TextField } from '../components/Field.tsx';
import {
  fieldErrorsFromIssues,
  fieldErrorsFromServer,
  withoutField,
  type FieldErrors,
} from '../lib/formErrors.ts';

/** "New series": a title, validated with the shared schema, then created. */
export function NewSeriesForm({
  onCreated,
  autoFocus,
}: {
  onCreated: (s: SeriesSummary) => void;
  autoFocus?: boolean;
}) {
  const [title, setTitle] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const parsed = createSeriesInput.safeParse({ title });
    if (!parsed.success) {
      setFields(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setFields({});
    setBusy(true);
    try {
      const created = await api.createSeries(parsed.data);
      setTitle('');
      onCreated(created);
    } catch (e) {
      const apiError = toApiError(e);
      if (apiError.code === 'validation_failed') setFields(fieldErrorsFromServer(apiError.fields));
      else setError(apiError);
    } finally {
      setBusy(false);
    }
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
            setFields((f) => withoutField(withoutField(f, 'title'), ''));
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
