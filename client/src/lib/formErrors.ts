/**
 * Turns validation problems (the shared zod schemas' issues, or the server's
 * `fields`) into one message per field, ready to show next to the input.
 */

import type { ApiError } from '../api/http.ts';

/** The part of a zod issue we read; kept structural so zod stays a shared/ dependency. */
interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

export type FieldErrors = Record<string, string>;

/** The first problem of each field, keyed by dotted path ('' for the whole form). */
export function fieldErrorsFromIssues(issues: readonly Issue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    errors[key] ??= sentence(issue.message);
  }
  return errors;
}

/** Server field messages, made to read as sentences. */
export function fieldErrorsFromServer(fields: Readonly<Record<string, string>>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [key, message] of Object.entries(fields)) errors[key] = sentence(message);
  return errors;
}

/** The errors without `key`'s: a field's error goes once its value changes. */
export function withoutField(errors: FieldErrors, key: string): FieldErrors {
  if (!(key in errors)) return errors;
  const { [key]: _changed, ...rest } = errors;
  return rest;
}

/** A message as a sentence: capital first letter, closing full stop. */
export function sentence(message: string): string {
  const trimmed = message.trim();
  if (!trimmed) return 'Check this field.';
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

/** A failed action in one line a person can act on: "Could not …: why." */
export function couldNot(what: string, problem: ApiError): string {
  return problem.status === 0
    ? `Could not ${what}: the server could not be reached.`
    : `Could not ${what}: ${problem.message}`;
}
