import { useState, type FormEvent } from 'react';
import { Link, Navigate } from 'react-router';
import { signIn } from '../auth/authClient.ts';
import { useAuthForm } from '../auth/useAuthForm.ts';
import { validateCredentials } from '../auth/validateCredentials.ts';
import { TextField } from '../components/Field.tsx';
import { AuthLayout } from './AuthLayout.tsx';

/** `/sign-in`: email and password, then back to `?next=` or the series list. */
export function SignInPage() {
  const { next, signedIn, fields, formError, busy, submit, withNext } = useAuthForm();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  if (signedIn) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent) =>
    submit(
      event,
      () => validateCredentials({ email, password }, 'sign-in'),
      () => signIn.email({ email: email.trim(), password }),
    );

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
        New to Baton? <Link to={withNext('/sign-up')}>Sign up</Link>
      </p>
    </AuthLayout>
  );
}
