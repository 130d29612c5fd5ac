import { useState, type FormEvent } from 'react';
import { createInstallmentInput, type InstallmentSummary } from '@baton/shared/api.ts';
import { limits } from '@baton/shared/limits.ts';
import { api } from '../api/endpoints.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { TextField } from '../components/Field.tsx';
import { useSubmit } from '../lib/useSubmit.ts';

interface Props {
  seriesId: string;
  nextNumber: number;
  onCreated: (installment: InstallmentSummary) => void;
  autoFocus?: boolean;
}

/** "New installment": a title; the server numbers it. */
export function NewInstallmentForm({ seriesId, nextNumber, onCreated, autoFocus }: Props) {
  const [title, setTitle] = useState('');
  const { busy, error, fields, validate, run, editField } = useSubmit();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = validate(createInstallmentInput, { title });
    if (!input) return;
    const created = await run(() => api.createInstallment(seriesId, input));
    if (!created) return;
    setTitle('');
    onCreated(created.value);
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
            editField('title');
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
