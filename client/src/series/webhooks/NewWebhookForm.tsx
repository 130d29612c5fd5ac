import { useState, type FormEvent } from 'react';
import { limits } from '@baton/shared/limits.ts';
import {
  createWebhookInput,
  webhookEventTypes,
  type WebhookEventType,
  type WebhookWithSecret,
} from '@baton/shared/webhooks.ts';
import { webhooksApi } from '../../api/webhooks.ts';
import { TextField } from '../../components/Field.tsx';
import { couldNot } from '../../lib/formErrors.ts';
import { useSubmit } from '../../lib/useSubmit.ts';
import { eventLabel } from './webhookText.ts';

interface Props {
  seriesId: string;
  /** The series has as many hooks as it may. */
  full: boolean;
  onCreated: (hook: WebhookWithSecret) => void;
}

/** A receiving URL and the events it should hear about. */
export function NewWebhookForm({ seriesId, full, onCreated }: Props) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>([...webhookEventTypes]);
  const { busy, error, fields, validate, run } = useSubmit();

  function toggle(type: WebhookEventType, on: boolean) {
    setEvents((list) => (on ? [...list, type] : list.filter((t) => t !== type)));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = validate(createWebhookInput, { url, events });
    if (!input) return;
    const created = await run(() => webhooksApi.create(seriesId, input));
    if (!created) return;
    onCreated(created.value);
    setUrl('');
  }

  return (
    <form className="form webhook-form" onSubmit={onSubmit} noValidate aria-label="Add a webhook">
      <TextField
        label="Payload URL"
        name="webhook-url"
        type="url"
        inputMode="url"
        value={url}
        maxLength={limits.webhookUrlMax}
        placeholder="https://example.com/hooks/baton"
        onChange={(e) => setUrl(e.target.value)}
        error={fields.url}
        autoComplete="off"
        spellCheck={false}
        hint="An http:// or https:// address; addresses on your own network work too."
      />
      <fieldset className="webhook-form__events">
        <legend className="field__label">Send when</legend>
        {webhookEventTypes.map((type) => (
          <label key={type} className="check">
            <input
              type="checkbox"
              checked={events.includes(type)}
              onChange={(e) => toggle(type, e.target.checked)}
            />
            <span>{eventLabel[type]}</span>
            <code className="check__code">{type}</code>
          </label>
        ))}
        {fields.events && <p className="field__error">{fields.events}</p>}
      </fieldset>
      {error && (
        <p className="field__error" role="alert">
          {couldNot('add the webhook', error)}
        </p>
      )}
      <div className="form__actions">
        <button
          type="submit"
          className="button"
          disabled={busy || full}
          title={full ? `A series can have ${limits.webhooksPerSeries} webhooks.` : undefined}
        >
          {busy ? 'Adding…' : 'Add webhook'}
        </button>
      </div>
    </form>
  );
}
