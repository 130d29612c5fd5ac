import { useState } from 'react';
import { apiKeysApi, type ApiKey } from '../api/apiKeys.ts';
import { toApiError } from '../api/useResource.ts';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { formatExpiry, formatUpdated } from '../lib/format.ts';

interface Props {
  keys: ApiKey[];
  onDeleted: (id: string) => void;
}

/** Your keys: name, first characters, when made, when they expire; each can be deleted. */
export function ApiKeyList({ keys, onDeleted }: Props) {
  if (keys.length === 0)
    return (
      <section className="empty empty--small">
        <p className="empty__text">No keys yet. Create one below when a script needs access.</p>
      </section>
    );
  return (
    <ul className="keys" aria-label="API keys">
      {keys.map((key) => (
        <KeyRow key={key.id} apiKey={key} onDeleted={onDeleted} />
      ))}
    </ul>
  );
}

function KeyRow({ apiKey, onDeleted }: { apiKey: ApiKey; onDeleted: (id: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const name = apiKey.name || 'Unnamed key';
  const expiry = formatExpiry(apiKey.expiresAt);
  const expired = expiry === 'Expired';

  async function remove() {
    setError(null);
    try {
      await apiKeysApi.remove(apiKey.id);
      onDeleted(apiKey.id);
    } catch (e) {
      const problem = toApiError(e);
      setError(
        problem.status === 0
          ? 'Could not delete the key: the server could not be reached.'
          : `Could not delete the key: ${problem.message}`,
      );
    }
  }

  return (
    <li className="keys__row" data-testid="api-key">
      <div className="keys__who">
        <span className="keys__name">{name}</span>
        <span className="keys__meta">
          {apiKey.start && <code className="url-preview">{apiKey.start}…</code>}
          <span>Created {formatUpdated(apiKey.createdAt)}</span>
          <span className={expired ? 'keys__expired' : undefined}>{expiry}</span>
          {!apiKey.enabled && <span className="keys__expired">Disabled</span>}
        </span>
      </div>
      <ConfirmAction
        label="Delete"
        ariaLabel={`Delete the key ${name}`}
        question="Delete? Scripts using it stop working."
        confirmLabel="Delete"
        busyLabel="Deleting…"
        onConfirm={remove}
      />
      {error && (
        <p className="field__error keys__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
