import { useState } from 'react';
import { Link } from 'react-router';
import { apiKeysApi, type CreatedApiKey } from '../api/apiKeys.ts';
import { useResource } from '../api/useResource.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { CopyField } from '../components/CopyField.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { SkeletonList } from '../components/Loading.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { ApiKeyList } from '../settings/ApiKeyList.tsx';
import { NewApiKeyForm } from '../settings/NewApiKeyForm.tsx';

/** `/settings/api-keys`: personal keys for scripts and bots that act as you. */
export function ApiKeysPage() {
  const { state, reload, update } = useResource('api-keys', (signal) => apiKeysApi.list(signal));
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  useDocumentTitle('API keys');

  return (
    <>
      <AppHeader>
        <Link to="/">Your series</Link>
      </AppHeader>
      <main className="page">
        <div className="page__head">
          <h1 className="page__title">API keys</h1>
        </div>
        <p className="page__intro">
          A key lets a script or bot act as you, with your roles in each series. Send it as{' '}
          <code className="url-preview">Authorization: Bearer &lt;key&gt;</code> to the API, or add{' '}
          <code className="url-preview">?token=&lt;key&gt;</code> to the websocket address.
        </p>

        <section className="panel" aria-labelledby="create-key-heading">
          <h2 id="create-key-heading" className="panel__title">
            Create a key
          </h2>
          {created && (
            <div className="key-reveal" role="status" data-testid="new-api-key">
              <p className="key-reveal__title">
                <strong>“{created.name}” is ready.</strong> Copy it now: it will not be shown again.
                Keep it as safe as a password.
              </p>
              <CopyField value={created.key} label="New API key" buttonLabel="Copy key" />
              <button type="button" className="link-button" onClick={() => setCreated(null)}>
                I have copied it
              </button>
            </div>
          )}
          <NewApiKeyForm
            onCreated={(key) => {
              setCreated(key);
              const { key: _secret, ...listed } = key;
              update((keys) => [listed, ...keys.filter((k) => k.id !== key.id)]);
            }}
          />
        </section>

        <h2 className="section-title">Your keys</h2>
        {state.status === 'loading' && <SkeletonList rows={2} />}
        {state.status === 'error' && (
          <ErrorAlert error={state.error} action="load your API keys" onRetry={reload} />
        )}
        {state.status === 'ready' && (
          <ApiKeyList
            keys={state.data}
            onDeleted={(id) => {
              update((keys) => keys.filter((k) => k.id !== id));
              if (created?.id === id) setCreated(null);
            }}
          />
        )}
      </main>
    </>
  );
}
