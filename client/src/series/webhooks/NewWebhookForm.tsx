import { useState, type FormEvent } from 'react';
import { limits } from '@baton/shared/limits.ts';
import {
  createWebhookInput,
  webhookEventTypes,
  type WebhookEventType,
  type WebhookWithSecret,
} from '@baton/shared/webhooks.ts';
import { webhooksApi } from '../../api/webhooks.ts';
import { toApiError } from '../../api/useResource.ts';
import { TextField } from '../../components/Field.tsx';
import {
  fieldErrorsFromIssues,
  fieldErrorsFromServer,
  type FieldErrors,
} from '../../lib/formErrors.ts';
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
  const [fields, setFields] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function toggle(type: WebhookEventType, on: boolean) {
    setEvents((list) => (on ? [...list, type] : list.filter((t) => t !== type)));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const parsed = createWebhookInput.safeParse({ url, events });
    if (!parsed.success) return setFields(fieldErrorsFromIssues(parsed.error.issues));
    setFields({});
    setBusy(true);
    try {
      onCreated(await webhooksApi.create(seriesId, parsed.data));
      setUrl('');
    } catch (e) {
      const problem = toApiError(e);
      if (problem.code === 'validation_failed') setFields(fieldErrorsFromServer(problem.fields));
      else
        setFormError(
          problem.status === 0
            ? 'Could not add the webhook: the server could not be reached.'
            : `Could not add the webhook: ${problem.message}`,
        );
    } finally {
      setBusy(false);
    }
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
      {formError && (
        <p className="field__error" role="alert">
          {formError}
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
