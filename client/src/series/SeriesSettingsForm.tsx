import { useState, type FormEvent } from 'react';
import {
  updateSeriesInput,
  type SeriesSummary,
  type UpdateSeriesInput,
} from '@baton/shared/api.ts';
import { limits } from '@baton/shared/limits.ts';
import { slugify } from '@baton/shared/slug.ts';
import { api } from '../api/endpoints.ts';
import type { ApiError } from '../api/http.ts';
import { toApiError } from '../api/useResource.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { TextAreaField, TextField } from '../components/Field.tsx';
import {
  fieldErrorsFromIssues,
  fieldErrorsFromServer,
  withoutField,
  type FieldErrors,
} from '../lib/formErrors.ts';

interface Props {
  series: SeriesSummary;
  onSaved: (series: SeriesSummary) => void;
  onCancel: () => void;
}

/** Title, public address (slug) and description of a series; sends only what changed. */
export function SeriesSettingsForm({ series, onSaved, onCancel }: Props) {
  const [title, setTitle] = useState(series.title);
  const [slug, setSlug] = useState(series.slug);
  const [description, setDescription] = useState(series.description);
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const changes: UpdateSeriesInput = {};
    if (title.trim() !== series.title) changes.title = title;
    if (slug.trim() !== series.slug) changes.slug = slug;
    if (description.trim() !== series.description) changes.description = description;
    if (Object.keys(changes).length === 0) return onCancel();
    const parsed = updateSeriesInput.safeParse(changes);
    if (!parsed.success) return setFields(fieldErrorsFromIssues(parsed.error.issues));
    setFields({});
    setBusy(true);
    try {
      onSaved(await api.updateSeries(series.id, parsed.data));
    } catch (e) {
      const apiError = toApiError(e);
      if (apiError.code === 'slug_taken')
        setFields({ slug: 'Another series already uses this address. Pick another.' });
      else if (apiError.code === 'validation_failed')
        setFields(fieldErrorsFromServer(apiError.fields));
      else setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  const previewSlug = slug.trim() || slugify(title);
  return (
    <form className="form settings" onSubmit={onSubmit} noValidate aria-label="Series settings">
      <TextField
        label="Title"
        name="title"
        value={title}
        limit={{ noun: 'Title', max: limits.seriesTitleMax }}
        onChange={(e) => {
          setTitle(e.target.value);
          setFields((f) => withoutField(f, 'title'));
        }}
        error={fields.title}
      />
      <TextField
        label="Public address"
        name="slug"
        value={slug}
        maxLength={limits.slugMax}
        onChange={(e) => setSlug(e.target.value.toLowerCase())}
        error={fields.slug}
        spellCheck={false}
        autoCapitalize="off"
        hint={
          <>
            Readers find published installments at{' '}
            <code className="url-preview">
              {window.location.origin}/read/{previewSlug}
            </code>
            {slug.trim() !== slugify(title) && (
              <>
                {' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setSlug(slugify(title))}
                >
                  Use “{slugify(title)}”
                </button>
              </>
            )}
          </>
        }
      />
      <TextAreaField
        label="Description"
        name="description"
        value={description}
        limit={{ noun: 'Description', max: limits.seriesDescriptionMax }}
        onChange={(e) => {
          setDescription(e.target.value);
          setFields((f) => withoutField(f, 'description'));
        }}
        error={fields.description}
        hint="One or two sentences for the public series page."
      />
      {fields[''] && <p className="field__error">{fields['']}</p>}
      {error && <ErrorAlert error={error} action="save the settings" />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save settings'}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
