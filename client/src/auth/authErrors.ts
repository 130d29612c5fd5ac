/** better-auth error responses, as messages a person can act on. */
import type { FieldErrors } from '../lib/formErrors.ts';

export interface AuthError {
  status?: number;
  code?: string | undefined;
  message?: string | undefined;
}

export interface AuthProblem {
  fields: FieldErrors;
  /** A message for the form as a whole, when no single field is to blame. */
  form: string | null;
}

/** Maps a better-auth client error to field and form messages. */
export function describeAuthError(error: AuthError): AuthProblem {
  const code = error.code ?? '';
  if (error.status === 429) {
    return { fields: {}, form: 'Too many attempts. Wait a few seconds, then try again.' };
  }
  if (code.startsWith('USER_ALREADY_EXISTS')) {
    return {
      fields: { email: 'An account with this email already exists. Sign in instead.' },
      form: null,
    };
  }
  if (
    code === 'INVALID_EMAIL_OR_PASSWORD' ||
    code === 'INVALID_PASSWORD' ||
    code === 'USER_NOT_FOUND'
  ) {
    return {
      fields: {},
      form: 'That email and password do not match an account. Check them and try again.',
    };
  }
  if (code === 'INVALID_EMAIL')
    return { fields: { email: 'Enter a valid email address.' }, form: null };
  if (code === 'PASSWORD_TOO_SHORT')
    return { fields: { password: 'The password is too short.' }, form: null };
  if (code === 'PASSWORD_TOO_LONG')
    return { fields: { password: 'The password is too long.' }, form: null };
  if (!error.status) {
    return { fields: {}, form: 'Could not reach the server. Check your connection and try again.' };
  }
  if (error.status >= 500) {
    return { fields: {}, form: 'The server had a problem. Try again in a moment.' };
  }
  return { fields: {}, form: error.message || 'Something went wrong. Try again.' };
}
