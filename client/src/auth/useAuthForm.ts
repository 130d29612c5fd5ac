/**
 * The flow both account forms share: validate, send, show what the server
 * said, or sign in and go back to `?next=`.
 */
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { FieldErrors } from '../lib/formErrors.ts';
import { markSignedIn, signedOutInThisTab, useSession } from './authClient.ts';
import { type AuthError, describeAuthError } from './authErrors.ts';
import { safeNext, withNext } from './returnTo.ts';

export function useAuthForm() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const session = useSession();
  const [fields, setFields] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Handles a submit: `validate` finds field problems, `send` calls better-auth. */
  async function submit(
    event: FormEvent,
    validate: () => FieldErrors,
    send: () => Promise<{ error?: AuthError | null }>,
  ) {
    event.preventDefault();
    const problems = validate();
    setFields(problems);
    setFormError(null);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    const result = await send().catch(() => ({ error: {} as AuthError }));
    if (result.error) {
      const problem = describeAuthError(result.error);
      setFields(problem.fields);
      setFormError(problem.form);
      setBusy(false);
      return;
    }
    markSignedIn();
    navigate(next, { replace: true });
  }

  return {
    next,
    /** Already signed in (and not by this form's own submit, which navigates itself). */
    signedIn: Boolean(session.data?.user) && !busy && !signedOutInThisTab(),
    fields,
    formError,
    busy,
    submit,
    /** `path`, keeping where to go afterwards. */
    withNext: (path: string) => withNext(path, next),
  };
}
