import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { markSignedIn, signIn, useSession } from '../auth/authClient.ts';
import { describeAuthError } from '../auth/authErrors.ts';
import { safeNext } from '../auth/returnTo.ts';
import { validateCredentials } from '../auth/validateCredentials.ts';
import { TextField } from '../components/Field.tsx';
import type { FieldErrors } from '../lib/formErrors.ts';
import { AuthLayout } from './AuthLayout.tsx';

/** `/sign-in`: email and password, then back to `?next=` or the series list. */
export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session.data?.user && !busy) return <Navigate to={next} replace />;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = validateCredentials({ email, password }, 'sign-in');
    setFields(problems);
    setFormError(null);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    const result = await signIn
      .email({ email: email.trim(), password })
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

  const signUpLink = next === '/' ? '/sign-up' : `/sign-up?next=${encodeURIComponent(next)}`;
  return (
    <AuthLayout title="Sign in" intro="Pick up the baton where you left it.">
      <form className="form" onSubmit={onSubmit} noValidate>
        {formError && (
          <div className="alert alert--error" role="alert">
            {formError}
          </div>
        )}
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email}
          autoFocus
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
        />
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="auth__switch">
        New to Baton? <Link to={signUpLink}>Sign up</Link>
      </p>
    </AuthLayout>
  );
}
