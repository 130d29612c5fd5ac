import { useEffect, useState } from 'react';
import type { WebhookDelivery } from '@baton/shared/webhooks.ts';
import type { ApiError } from '../../api/http.ts';
import { toApiError } from '../../api/useResource.ts';
import { webhooksApi } from '../../api/webhooks.ts';
import { formatUpdated } from '../../lib/format.ts';
import { deliveryState, lastAnswer, nextTry } from './webhookText.ts';

interface Props {
  hookId: string;
  /** Changes when a delivery was queued here (a test): read the log again. */
  refresh: number;
}

/** How long to wait before reading the log again while something is pending. */
function pollDelay(rows: WebhookDelivery[]): number | null {
  if (rows.some((r) => r.status === 'sending')) return 1_000;
  const due = rows
    .filter((r) => r.status === 'pending' && r.nextAttemptAt)
    .map((r) => Date.parse(r.nextAttemptAt!));
  if (due.length === 0) return null;
  return Math.min(30_000, Math.max(1_000, Math.min(...due) - Date.now() + 500));
}

/** The hook's newest deliveries; re-read while some are still on their way. */
export function DeliveryLog({ hookId, refresh }: Props) {
  const [rows, setRows] = useState<WebhookDelivery[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function load() {
      try {
        const fresh = await webhooksApi.deliveries(hookId, controller.signal);
        setRows(fresh);
        setError(null);
        const delay = pollDelay(fresh);
        if (delay !== null) timer = setTimeout(load, delay);
      } catch (e) {
        if (!controller.signal.aborted) setError(toApiError(e));
      }
    }
    void load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [hookId, refresh]);

  if (error)
    return (
      <p className="field__error" role="alert">
        Could not load the deliveries:{' '}
        {error.status === 0 ? 'the server could not be reached.' : error.message}
      </p>
    );
  if (rows === null)
    return (
      <p className="deliveries__empty" role="status">
        Loading deliveries…
      </p>
    );
  if (rows.length === 0)
    return (
      <p className="deliveries__empty">
        Nothing sent yet. <strong>Send test</strong> checks that the address answers.
      </p>
    );
  return (
    <div className="deliveries__scroll">
      <table className="deliveries" aria-label="Deliveries">
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last answer</th>
            <th scope="col">Sent</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const state = deliveryState(row);
            const next = nextTry(row);
            return (
              <tr key={row.id} data-testid="webhook-delivery" data-status={row.status}>
                <td>
                  <code>{row.type}</code>
                </td>
                <td>
                  <span className={`delivery-state delivery-state--${state.tone}`}>
                    {state.label}
                  </span>
                  {next && <span className="deliveries__next">{next}</span>}
                </td>
                <td className="deliveries__count">{row.attempts}</td>
                <td className="deliveries__answer">{lastAnswer(row)}</td>
                <td>
                  <time
                    dateTime={row.lastAttemptAt ?? row.createdAt}
                    title={new Date(row.lastAttemptAt ?? row.createdAt).toLocaleString()}
                  >
                    {formatUpdated(row.lastAttemptAt ?? row.createdAt)}
                  </time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
