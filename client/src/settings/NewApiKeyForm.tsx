import { limits } from '@baton/shared/limits.ts';
import { useId, useState, type FormEvent } from 'react';
import {
  apiKeyExpiryDays,
  apiKeysApi,
  type ApiKeyExpiryDays,
  type CreatedApiKey,
} from '../api/apiKeys.ts';
import { toApiError } from '../api/useResource.ts';
import { TextField } from '../components/Field.tsx';

interface Props {
  onCreated: (key: CreatedApiKey) => void;
}

/** Name a key and pick how long it lives. */
export function NewApiKeyForm({ onCreated }: Props) {
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState<ApiKeyExpiryDays>(90);
  const [nameError, setNameError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const expiryId = useId();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const trimmed = name.trim();
    if (!trimmed) return setNameError('Give the key a name, e.g. the script that uses it.');
    if (trimmed.length > limits.apiKeyNameMax)
      return setNameError(`Use at most ${limits.apiKeyNameMax} characters.`);
    setNameError(undefined);
    setBusy(true);
    try {
      onCreated(await apiKeysApi.create(trimmed, expiry));
      setName('');
    } catch (e) {
      const problem = toApiError(e);
      setFormError(
        problem.status === 0
          ? 'Could not create the key: the server could not be reached.'
          : `Could not create the key: ${problem.message}`,
      );
    } finally {
      setBusy(false);
    }
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
      {formError && (
        <p className="field__error" role="alert">
          {formError}
        </p>
      )}
    </form>
  );
}
