import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { createInstallmentInput } from '@baton/shared/api.ts';
import { limits } from '@baton/shared/limits.ts';
import type { ImportInput } from '@baton/shared/publish.ts';
import { api } from '../api/endpoints.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { TextField } from '../components/Field.tsx';
import { plural } from '../lib/format.ts';
import { fieldErrorsFromIssues } from '../lib/formErrors.ts';
import { serverFieldErrors, useSubmit, type FieldsOf } from '../lib/useSubmit.ts';
import '../versions.css';

const accept = '.md,.markdown,.txt,text/markdown,text/plain';

interface Chosen {
  name: string;
  format: ImportInput['format'];
  text: string;
}

/** Markdown by extension, plain text otherwise. */
const formatOf = (name: string): ImportInput['format'] =>
  /\.(md|markdown)$/i.test(name) ? 'markdown' : 'text';

const kib = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString()} KB`;

const tooLarge = (name: string, bytes: number) =>
  `${name} is too large to import (${kib(bytes)}; the server accepts up to ${kib(limits.maxImportBodyBytes)}).`;

/**
 * Reads a chosen file and says what is wrong with it before anything is sent:
 * the shared import limit, and the API's body limit (the request is JSON).
 */
async function readChosen(file: File): Promise<Chosen | string> {
  if (!/\.(md|markdown|txt)$/i.test(file.name)) return 'Choose a .md, .markdown or .txt file.';
  // The text travels in a JSON body, which is never smaller than the file: no need to read it.
  if (file.size > limits.maxImportBodyBytes) return tooLarge(file.name, file.size);
  const text = (await file.text()).replace(/^\uFEFF/, '');
  if (!text.trim()) return `${file.name} is empty.`;
  if (text.length > limits.importMaxChars)
    return `${file.name} is too long to import: ${plural(text.length, 'character')}, at most ${limits.importMaxChars.toLocaleString()}.`;
  return { name: file.name, format: formatOf(file.name), text };
}

interface Props {
  seriesId: string;
  nextNumber: number;
}

/** A refused title shows at the title; any other refusal as the form's error. */
const titleRefused: FieldsOf = (error) => {
  const fields = serverFieldErrors(error);
  return fields?.title ? fields : null;
};

/** "Import a file": a new installment from a Markdown or plain-text file, then its editor. */
export function ImportInstallmentForm({ seriesId, nextNumber }: Props) {
  const navigate = useNavigate();
  const inputRef = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  // Checked here before sending; the server's refusals come through the submission.
  const [titleError, setTitleError] = useState<string | undefined>();
  const { busy, error, fields, run, editField, clear } = useSubmit();

  async function onFile(file: File | undefined) {
    clear();
    setFileError(null);
    if (!file) return;
    const result = await readChosen(file);
    if (typeof result === 'string') {
      setChosen(null);
      setFileError(result);
    } else {
      setChosen(result);
    }
  }

  function reset() {
    setChosen(null);
    setFileError(null);
    setTitle('');
    setTitleError(undefined);
    clear();
    if (inputRef.current) inputRef.current.value = '';
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    clear();
    setTitleError(undefined);
    const imported = { format: chosen.format, text: chosen.text };
    const body = title.trim() ? { title, import: imported } : { import: imported };
    const parsed = createInstallmentInput.safeParse(body);
    if (!parsed.success) {
      const fields = fieldErrorsFromIssues(parsed.error.issues);
      setTitleError(fields.title);
      if (!fields.title) setFileError(Object.values(fields)[0] ?? 'The file cannot be imported.');
      return;
    }
    const bytes = new Blob([JSON.stringify(parsed.data)]).size;
    if (bytes > limits.maxImportBodyBytes) {
      setFileError(tooLarge(chosen.name, bytes));
      return;
    }
    const input = parsed.data;
    const created = await run(() => api.createInstallment(seriesId, input), titleRefused);
    if (created) navigate(`/installments/${encodeURIComponent(created.value.id)}`);
  }

  const picker = (
    <input
      ref={inputRef}
      type="file"
      accept={accept}
      hidden
      aria-label="File to import"
      onChange={(e) => void onFile(e.target.files?.[0])}
    />
  );

  if (!chosen) {
    return (
      <div className="import-form">
        {picker}
        <p className="import-form__start">
          <button
            type="button"
            className="button button--small"
            onClick={() => inputRef.current?.click()}
          >
            Import a file…
          </button>
          <span>Markdown (.md) or plain text (.txt) becomes Part {nextNumber}.</span>
        </p>
        {fileError && (
          <p className="field__error import-form__error" role="alert">
            {fileError}
          </p>
        )}
      </div>
    );
  }

  return (
    <form className="import-form" onSubmit={onSubmit} noValidate aria-label="Import a file">
      {picker}
      <p className="import-form__file">
        <span className="import-form__name">{chosen.name}</span>
        <span className="import-form__kind">
          {chosen.format === 'markdown' ? 'Markdown' : 'Plain text'} ·{' '}
          {plural(chosen.text.length, 'character')}
        </span>
      </p>
      <TextField
        label={`Title of Part ${nextNumber} (optional)`}
        name="importTitle"
        value={title}
        limit={{ noun: 'Title', max: limits.installmentTitleMax }}
        hint="Leave empty to use the file’s first line."
        onChange={(e) => {
          setTitle(e.target.value);
          setTitleError(undefined);
          editField('title');
        }}
        error={titleError ?? fields.title}
      />
      {fileError && (
        <p className="field__error import-form__error" role="alert">
          {fileError}
        </p>
      )}
      {error && <ErrorAlert error={error} action="import the file" />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Importing…' : `Import as Part ${nextNumber}`}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => inputRef.current?.click()}
          disabled={busy}
        >
          Choose another file
        </button>
        <button type="button" className="button button--quiet" onClick={reset} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
