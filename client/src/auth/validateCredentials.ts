/** Client-side checks for the sign-in and sign-up forms, with the shared limits. */
import { accountNameSchema } from '@baton/shared/accountName.ts';
import { limits } from '@baton/shared/limits.ts';
import type { FieldErrors } from '../lib/formErrors.ts';

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface Credentials {
  name?: string;
  email: string;
  password: string;
}

/** Field problems of a sign-up (`withName`) or sign-in form; empty when it may be sent. */
export function validateCredentials(values: Credentials, mode: 'sign-in' | 'sign-up'): FieldErrors {
  const errors: FieldErrors = {};
  if (mode === 'sign-up') {
    const name = accountNameSchema.safeParse(values.name ?? '');
    if (!name.success) errors.name = name.error.issues[0]?.message ?? 'Enter your name.';
  }
  const email = values.email.trim();
  if (!email) errors.email = 'Enter your email address.';
  else if (!emailShape.test(email))
    errors.email = 'Enter a valid email address, like you@example.com.';
  if (!values.password) errors.password = 'Enter your password.';
  else if (mode === 'sign-up' && values.password.length < limits.passwordMin)
    errors.password = `Use at least ${limits.passwordMin} characters.`;
  else if (values.password.length > limits.passwordMax)
    errors.password = `Use at most ${limits.passwordMax} characters.`;
  return errors;
}
