import { useState, type FormEvent } from 'react';
import { TextField } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';
import { markSignedIn, signIn } from './authClient.ts';
import { describeAuthError } from './authErrors.ts';
import { validateCredentials } from './validateCredentials.ts';
import type { FieldErrors } from '../lib/formErrors.ts';

interface Props {
  /** The account the page belongs to: signing in as anyone else would not bring it back. */
  email: string;
  onClose: () => void;
}

/**
 * Signs in again without leaving the page, so whatever it holds (an editor's
 * unsent text) stays. When the session is back the page resumes by itself.
 */
export function SignInDialog({ email, onClose }: Props) {
  const [password, setPassword] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = validateCredentials({ email, password }, 'sign-in');
    setFields(problems);
    setFormError(null);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    const result = await signIn.email({ email, password }).catch(() => ({ error: {} }));
    setBusy(false);
    if (result.error) {
      const problem = describeAuthError(result.error);
      setFields(problem.fields);
      setFormError(problem.form ?? problem.fields.email ?? null);
      return;
    }
    markSignedIn();
    onClose();
  }

  return (
    <Modal title="Sign in again" onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <p className="sign-in-dialog__intro">
          This page stays as it is while you sign in, and carries on when you are back.
        </p>
        {formError && (
          <div className="alert alert--error" role="alert">
            {formError}
          </div>
        )}
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          value={email}
          readOnly
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
          autoFocus
        />
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </Modal>
  );
}
