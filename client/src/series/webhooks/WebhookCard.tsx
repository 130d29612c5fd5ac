import { useId, useState } from 'react';
import type { Webhook, WebhookWithSecret } from '@baton/shared/webhooks.ts';
import { webhooksApi } from '../../api/webhooks.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { formatUpdated } from '../../lib/format.ts';
import { couldNot } from '../../lib/formErrors.ts';
import { noFieldErrors, useSubmit } from '../../lib/useSubmit.ts';
import { DeliveryLog } from './DeliveryLog.tsx';
import { SecretReveal } from './SecretReveal.tsx';
import { eventLabel } from './webhookText.ts';

interface Props {
  hook: Webhook;
  /** The secret, right after the hook was made or its secret rotated; null otherwise. */
  secret: string | null;
  onSecretDismissed: () => void;
  onChanged: (hook: Webhook) => void;
  onSecretRotated: (hook: WebhookWithSecret) => void;
  onDeleted: (id: string) => void;
}

/** One hook: where it sends, what, whether it is on; test, rotate, delete, and its log. */
export function WebhookCard({
  hook,
  secret,
  onSecretDismissed,
  onChanged,
  onSecretRotated,
  onDeleted,
}: Props) {
  const [logOpen, setLogOpen] = useState(false);
  const [logRefresh, setLogRefresh] = useState(0);
  const { busy, error, run } = useSubmit();
  // The last action, for its busy label and its error message.
  const [attempt, setAttempt] = useState<{ kind: 'test' | 'toggle' | 'other'; what: string }>({
    kind: 'other',
    what: '',
  });
  const logId = useId();

  async function act(kind: 'test' | 'toggle' | 'other', what: string, action: () => Promise<void>) {
    setAttempt({ kind, what });
    await run(action, noFieldErrors);
  }

  const sendTest = () =>
    act('test', 'send a test', async () => {
      await webhooksApi.sendTest(hook.id);
      setLogOpen(true);
      setLogRefresh((n) => n + 1);
    });

  const toggle = () =>
    act('toggle', hook.enabled ? 'disable the webhook' : 'enable the webhook', async () => {
      onChanged(await webhooksApi.update(hook.id, { enabled: !hook.enabled }));
      setLogRefresh((n) => n + 1);
    });

  return (
    <li className={`webhook${hook.enabled ? '' : ' webhook--off'}`} data-testid="webhook">
      <div className="webhook__head">
        <code className="webhook__url">{hook.url}</code>
        <span className={`webhook__state webhook__state--${hook.enabled ? 'on' : 'off'}`}>
          {hook.enabled ? 'Active' : 'Disabled'}
        </span>
      </div>
      <ul className="webhook__events" aria-label="Events">
        {hook.events.map((type) => (
          <li key={type} className="badge" title={eventLabel[type]}>
            {type}
          </li>
        ))}
      </ul>
      <p className="webhook__meta">
        Secret <code>{hook.secretStart}…</code> · Added {formatUpdated(hook.createdAt)}
      </p>
      {secret && <SecretReveal secret={secret} onDismiss={onSecretDismissed} />}
      <div className="webhook__actions">
        <button
          type="button"
          className="button button--small"
          onClick={sendTest}
          disabled={busy || !hook.enabled}
          title={hook.enabled ? 'Sends a ping event to this address' : 'Enable the webhook first'}
        >
          {busy && attempt.kind === 'test' ? 'Sending…' : 'Send test'}
        </button>
        <button type="button" className="button button--small" onClick={toggle} disabled={busy}>
          {busy && attempt.kind === 'toggle' ? 'Saving…' : hook.enabled ? 'Disable' : 'Enable'}
        </button>
        <button
          type="button"
          className="button button--small button--quiet"
          aria-expanded={logOpen}
          aria-controls={logId}
          onClick={() => setLogOpen((open) => !open)}
        >
          {logOpen ? 'Hide deliveries' : 'Deliveries'}
        </button>
        <span className="webhook__spacer" />
        <ConfirmAction
          label="Rotate secret"
          question="New secret? The old one stops working at once."
          confirmLabel="Rotate"
          busyLabel="Rotating…"
          onConfirm={() =>
            act('other', 'rotate the secret', async () =>
              onSecretRotated(await webhooksApi.rotateSecret(hook.id)),
            )
          }
        />
        <ConfirmAction
          label="Delete"
          ariaLabel={`Delete the webhook to ${hook.url}`}
          question="Delete? Nothing more is sent to it."
          confirmLabel="Delete"
          busyLabel="Deleting…"
          onConfirm={() =>
            act('other', 'delete the webhook', async () => {
              await webhooksApi.remove(hook.id);
              onDeleted(hook.id);
            })
          }
        />
      </div>
      {error && (
        <p className="field__error" role="alert">
          {couldNot(attempt.what, error)}
        </p>
      )}
      {logOpen && (
        <div id={logId} className="webhook__log">
          <DeliveryLog hookId={hook.id} refresh={logRefresh} />
        </div>
      )}
    </li>
  );
}
