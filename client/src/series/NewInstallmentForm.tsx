import { useState, type FormEvent } from 'react';
import { createInstallmentInput, type InstallmentSummary } from '@baton/shared/api.ts';
import { limits } from '@baton/shared/limits.ts';
import { api } from '../api/endpoints.ts';
import type { ApiError } from '../api/http.ts';
import { toApiError } from '../api/useResource.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { TextField } from '../components/Field.tsx';
import {
  fieldErrorsFromIssues,
  fieldErrorsFromServer,
  withoutField,
  type FieldErrors,
} from '../lib/formErrors.ts';

interface Props {
  seriesId: string;
  nextNumber: number;
  onCreated: (installment: InstallmentSummary) => void;
  autoFocus?: boolean;
}

/** "New installment": a title; the server numbers it. */
export function NewInstallmentForm({ seriesId, nextNumber, onCreated, autoFocus }: Props) {
  const [title, setTitle] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const parsed = createInstallmentInput.safeParse({ title });
    if (!parsed.success) return setFields(fieldErrorsFromIssues(parsed.error.issues));
    setFields({});
    setBusy(true);
    try {
      const created = await api.createInstallment(seriesId, parsed.data);
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
    <form className="inline-form" onSubmit={onSubmit} noValidate aria-label="New installment">
      <div className="inline-form__row">
        <TextField
          label={`New installment (Part ${nextNumber})`}
          name="title"
          placeholder="Title of the installment"
          value={title}
          limit={{ noun: 'Title', max: limits.installmentTitleMax }}
          onChange={(e) => {
            setTitle(e.target.value);
            setFields((f) => withoutField(withoutField(f, 'title'), ''));
          }}
          error={fields.title ?? fields['']}
          autoFocus={autoFocus}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add installment'}
        </button>
      </div>
      {error && <ErrorAlert error={error} action="add the installment" />}
    </form>
  );
}
