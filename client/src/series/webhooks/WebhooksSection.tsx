import { useState } from 'react';
import { limits } from '@baton/shared/limits.ts';
import type { Webhook, WebhookWithSecret } from '@baton/shared/webhooks.ts';
import { useResource } from '../../api/useResource.ts';
import { webhooksApi } from '../../api/webhooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SkeletonList } from '../../components/Loading.tsx';
import { NewWebhookForm } from './NewWebhookForm.tsx';
import { WebhookCard } from './WebhookCard.tsx';
import './webhooks.css';

/** The secret shown once, with the hook it belongs to. */
interface Revealed {
  hookId: string;
  secret: string;
}

function withoutSecret({ secret: _secret, ...hook }: WebhookWithSecret): Webhook {
  return hook;
}

/** Series settings, owners only: the hooks that tell other systems what happens here. */
export function WebhooksSection({ seriesId }: { seriesId: string }) {
  const { state, reload, update } = useResource(`webhooks:${seriesId}`, (signal) =>
    webhooksApi.list(seriesId, signal),
  );
  const [revealed, setRevealed] = useState<Revealed | null>(null);

  function replace(hook: Webhook) {
    update((list) => list.map((h) => (h.id === hook.id ? hook : h)));
  }

  return (
    <section className="webhooks" aria-labelledby="webhooks-heading">
      <h3 id="webhooks-heading" className="webhooks__title">
        Webhooks
      </h3>
      <p className="webhooks__intro">
        Baton POSTs a signed JSON message to each address when the events you choose happen in this
        series. Failed deliveries are retried for 24 hours.
      </p>
      {state.status === 'loading' && <SkeletonList rows={1} />}
      {state.status === 'error' && (
        <ErrorAlert error={state.error} action="load the webhooks" onRetry={reload} />
      )}
      {state.status === 'ready' && (
        <>
          {state.data.length > 0 && (
            <ul className="webhook-list" aria-label="Webhooks">
              {state.data.map((hook) => (
                <WebhookCard
                  key={hook.id}
                  hook={hook}
                  secret={revealed?.hookId === hook.id ? revealed.secret : null}
                  onSecretDismissed={() => setRevealed(null)}
                  onChanged={replace}
                  onSecretRotated={(rotated) => {
                    replace(withoutSecret(rotated));
                    setRevealed({ hookId: rotated.id, secret: rotated.secret });
                  }}
                  onDeleted={(id) => {
                    update((list) => list.filter((h) => h.id !== id));
                    if (revealed?.hookId === id) setRevealed(null);
                  }}
                />
              ))}
            </ul>
          )}
          <NewWebhookForm
            seriesId={seriesId}
            full={state.data.length >= limits.webhooksPerSeries}
            onCreated={(created) => {
              update((list) => [...list, withoutSecret(created)]);
              setRevealed({ hookId: created.id, secret: created.secret });
            }}
          />
        </>
      )}
    </section>
  );
}
