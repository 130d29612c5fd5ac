/** Title checks with the shared schemas, returning one message or null. */
import { createInstallmentInput, updateSeriesInput } from '@baton/shared/api.ts';
import { fieldErrorsFromIssues } from './formErrors.ts';
import { ApiError } from '../api/http.ts';

export function validateSeriesTitle(title: string): string | null {
  const parsed = updateSeriesInput.safeParse({ title });
  return parsed.success
    ? null
    : (Object.values(fieldErrorsFromIssues(parsed.error.issues))[0] ?? 'Check the title.');
}

export function validateInstallmentTitle(title: string): string | null {
  const parsed = createInstallmentInput.safeParse({ title });
  return parsed.success
    ? null
    : (Object.values(fieldErrorsFromIssues(parsed.error.issues))[0] ?? 'Check the title.');
}

/** A rename failure for the inline form; `needsSignIn` adds a sign-in link. */
export class RenameError extends Error {
  constructor(
    message: string,
    readonly needsSignIn = false,
  ) {
    super(message);
    this.name = 'RenameError';
  }
}

/** An API failure of a rename, as one sentence for the inline form. */
export function renameErrorMessage(error: unknown): Error {
  if (!(error instanceof ApiError)) return new Error('Could not save. Try again.');
  if (error.status === 0)
    return new Error('Could not reach the server. Check your connection and try again.');
  if (error.status === 401) return new RenameError('Your session has ended.', true);
  if (error.status === 403) return new Error("You don't have permission to rename this.");
  const field = error.fields.title;
  if (field) return new Error(field);
  return new Error(error.message || 'Could not save. Try again.');
}
