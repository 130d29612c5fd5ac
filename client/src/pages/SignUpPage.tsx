import { useState, type FormEvent } from 'react';
import { Link, Navigate } from 'react-router';
import { limits } from '@baton/shared/limits.ts';
import { signUp } from '../auth/authClient.ts';
import { useAuthForm } from '../auth/useAuthForm.ts';
import { validateCredentials } from '../auth/validateCredentials.ts';
import { TextField } from '../components/Field.tsx';
import { AuthLayout } from './AuthLayout.tsx';

/** `/sign-up`: name, email and password; signs the new account in and goes on. */
export function SignUpPage() {
  const { next, signedIn, fields, formError, busy, submit, withNext } = useAuthForm();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  if (signedIn) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent) =>
    submit(
      event,
      () => validateCredentials({ name, email, password }, 'sign-up'),
      () => signUp.email({ name: name.trim(), email: email.trim(), password }),
    );

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
        Already have an account? <Link to={withNext('/sign-in')}>Sign in</Link>
      </p>
    </AuthLayout>
  );
}
