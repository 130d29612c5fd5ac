import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { limits } from '@baton/shared/limits.ts';
import { markSignedIn, signUp, useSession } from '../auth/authClient.ts';
import { describeAuthError } from '../auth/authErrors.ts';
import { safeNext } from '../auth/returnTo.ts';
import { validateCredentials } from '../auth/validateCredentials.ts';
import { TextField } from '../components/Field.tsx';
import type { FieldErrors } from '../lib/formErrors.ts';
import { AuthLayout } from './AuthLayout.tsx';

/** `/sign-up`: name, email and password; signs the new account in and goes on. */
export function SignUpPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const session = useSession();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session.data?.user && !busy) return <Navigate to={next} replace />;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = validateCredentials({ name, email, password }, 'sign-up');
    setFields(problems);
    setFormError(null);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    const result = await signUp
      .email({ name: name.trim(), email: email.trim(), password })
      .catch(() => ({ error: {} }));
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

  const signInLink = next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
  return (
    <AuthLayout
      title="Create your account"
      intro="Write a serial with others, one installment at a time."
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        {formError && (
          <div className="alert alert--error" role="alert">
            {formError}
          </div>
        )}
        <TextField
          label="Name"
          name="name"
          autoComplete="name"
          value={name}
          maxLength={limits.nameMax}
          onChange={(e) => setName(e.target.value)}
          error={fields.name}
          hint="Shown to your co-writers next to your caret."
          autoFocus
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
          hint={`At least ${limits.passwordMin} characters.`}
        />
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? 'Creating account…' : 'Sign up'}
        </button>
      </form>
      <p className="auth__switch">
        Already have an account? <Link to={signInLink}>Sign in</Link>
      </p>
    </AuthLayout>
  );
}
