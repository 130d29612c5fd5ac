import { useState, type FormEvent } from 'react';
import {
  updateSeriesInput,
  type SeriesSummary,
  type UpdateSeriesInput,
} from '@baton/shared/api.ts';
import { limits } from '@baton/shared/limits.ts';
import { slugify } from '@baton/shared/slug.ts';
import { api } from '../api/endpoints.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { TextAreaField, TextField } from '../components/Field.tsx';
import { serverFieldErrors, useSubmit, type FieldsOf } from '../lib/useSubmit.ts';

interface Props {
  series: SeriesSummary;
  onSaved: (series: SeriesSummary) => void;
  onCancel: () => void;
}

const slugTakenOrInvalid: FieldsOf = (error) =>
  error.code === 'slug_taken'
    ? { slug: 'Another series already uses this address. Pick another.' }
    : serverFieldErrors(error);

/** Title, public address (slug) and description of a series; sends only what changed. */
export function SeriesSettingsForm({ series, onSaved, onCancel }: Props) {
  const [title, setTitle] = useState(series.title);
  const [slug, setSlug] = useState(series.slug);
  const [description, setDescription] = useState(series.description);
  const { busy, error, fields, validate, run, editField } = useSubmit();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const changes: UpdateSeriesInput = {};
    if (title.trim() !== series.title) changes.title = title;
    if (slug.trim() !== series.slug) changes.slug = slug;
    if (description.trim() !== series.description) changes.description = description;
    if (Object.keys(changes).length === 0) return onCancel();
    const input = validate(updateSeriesInput, changes);
    if (!input) return;
    const saved = await run(() => api.updateSeries(series.id, input), slugTakenOrInvalid);
    if (saved) onSaved(saved.value);
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
          editField('title');
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
          editField('description');
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
