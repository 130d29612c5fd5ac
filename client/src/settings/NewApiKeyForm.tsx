import { limits } from '@baton/shared/limits.ts';
import { useId, useState, type FormEvent } from 'react';
import {
  apiKeyExpiryDays,
  apiKeysApi,
  type ApiKeyExpiryDays,
  type CreatedApiKey,
} from '../api/apiKeys.ts';
import { TextField } from '../components/Field.tsx';
import { couldNot } from '../lib/formErrors.ts';
import { noFieldErrors, useSubmit } from '../lib/useSubmit.ts';

interface Props {
  onCreated: (key: CreatedApiKey) => void;
}

/** Name a key and pick how long it lives. */
export function NewApiKeyForm({ onCreated }: Props) {
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState<ApiKeyExpiryDays>(90);
  const [nameError, setNameError] = useState<string | undefined>();
  const { busy, error, run } = useSubmit();
  const expiryId = useId();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setNameError('Give the key a name, e.g. the script that uses it.');
    if (trimmed.length > limits.apiKeyNameMax)
      return setNameError(`Use at most ${limits.apiKeyNameMax} characters.`);
    setNameError(undefined);
    const created = await run(() => apiKeysApi.create(trimmed, expiry), noFieldErrors);
    if (!created) return;
    onCreated(created.value);
    setName('');
  }

  return (
    <form
      className="form inline-form"
      onSubmit={onSubmit}
      noValidate
      aria-label="Create an API key"
    >
      <div className="inline-form__row">
        <TextField
          label="Name"
          name="key-name"
          value={name}
          maxLength={limits.apiKeyNameMax}
          placeholder="e.g. Nightly export"
          onChange={(e) => setName(e.target.value)}
          error={nameError}
          autoComplete="off"
        />
        <div className="field inline-form__narrow">
          <label htmlFor={expiryId} className="field__label">
            Expires
          </label>
          <select
            id={expiryId}
            className="input"
            value={expiry === null ? 'never' : String(expiry)}
            onChange={(e) =>
              setExpiry(
                apiKeyExpiryDays.find((d) => String(d ?? 'never') === e.target.value) ?? null,
              )
            }
          >
            {apiKeyExpiryDays.map((days) => (
              <option key={String(days)} value={days === null ? 'never' : String(days)}>
                {days === null ? 'Never' : `In ${days} days`}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create key'}
        </button>
      </div>
      {error && (
        <p className="field__error" role="alert">
          {couldNot('create the key', error)}
        </p>
      )}
    </form>
  );
}
