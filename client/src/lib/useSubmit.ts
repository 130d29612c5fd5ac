/**
 * What every form and action button keeps while it talks to the server: busy
 * while a request runs (one at a time), the problems of the last attempt as
 * field errors next to the inputs, and any other failure as one error.
 */
import { useCallback, useRef, useState } from 'react';
import type { ApiError } from '../api/http.ts';
import { toApiError } from '../api/useResource.ts';
import {
  fieldErrorsFromIssues,
  fieldErrorsFromServer,
  withoutField,
  type FieldErrors,
} from './formErrors.ts';

/** The part of a shared zod schema a form uses; structural, so zod stays shared/'s dependency. */
export interface InputSchema<T> {
  safeParse(input: unknown):
    | { success: true; data: T }
    | {
        success: false;
        error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
      };
}

/** The field problems a failed request means, or null when it is not about fields. */
export type FieldsOf = (error: ApiError) => FieldErrors | null;

/** The server refused the input and said which fields were wrong. */
export const serverFieldErrors: FieldsOf = (error) =>
  error.code === 'validation_failed' ? fieldErrorsFromServer(error.fields) : null;

/** Every failure is shown as one error, none next to a field. */
export const noFieldErrors: FieldsOf = () => null;

export interface Submission {
  /** A request is running; the submit button says so and is disabled. */
  busy: boolean;
  /** The last attempt's failure that is not about one field. */
  error: ApiError | null;
  /** The last attempt's problems, by field name ('' for the whole form). */
  fields: FieldErrors;
  /** `input` checked against `schema`: its data, or undefined after showing the problems. */
  validate<T>(schema: InputSchema<T>, input: unknown): T | undefined;
  /**
   * Runs `action` unless one is running. A failure `fieldsOf` turns into field
   * problems shows next to the fields (by default the server's validation
   * refusals), anything else as `error`. Resolves to `{ value }` when it
   * succeeded, null when it failed or did not run.
   */
  run<T>(action: () => Promise<T>, fieldsOf?: FieldsOf): Promise<{ value: T } | null>;
  /** Forgets the problems of `name` (and the form-wide one): the writer is changing it. */
  editField(name: string): void;
  /** Forgets every problem shown. */
  clear(): void;
}

export function useSubmit(): Submission {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  // A second click before React re-renders must not send a second request.
  const running = useRef(false);

  const validate = useCallback(<T>(schema: InputSchema<T>, input: unknown): T | undefined => {
    setError(null);
    const parsed = schema.safeParse(input);
    if (parsed.success) {
      setFields({});
      return parsed.data;
    }
    setFields(fieldErrorsFromIssues(parsed.error.issues));
    return undefined;
  }, []);

  const run = useCallback(
    async <T>(
      action: () => Promise<T>,
      fieldsOf: FieldsOf = serverFieldErrors,
    ): Promise<{ value: T } | null> => {
      if (running.current) return null;
      running.current = true;
      setError(null);
      setBusy(true);
      try {
        return { value: await action() };
      } catch (caught) {
        const apiError = toApiError(caught);
        const problems = fieldsOf(apiError);
        if (problems) setFields(problems);
        else setError(apiError);
        return null;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [],
  );

  const editField = useCallback((name: string) => {
    setFields((shown) => withoutField(withoutField(shown, name), ''));
  }, []);

  const clear = useCallback(() => {
    setError(null);
    setFields({});
  }, []);

  return { busy, error, fields, validate, run, editField, clear };
}
