import { useState } from 'react';
import { useSessionState } from '../auth/RequireAuth.tsx';
import { SignInDialog } from '../auth/SignInDialog.tsx';

interface Props {
  /** What happens to the page's work meanwhile, in a sentence ending in how to go on. */
  note?: string;
}

/**
 * The one signed-out state of an open page (AUTH-7): what happened, and a
 * Sign in that opens on this page, so nothing on it is lost by leaving.
 */
export function SessionBanner({ note = 'Sign in again to carry on here.' }: Props) {
  const { user, sessionEnded, signedInAs } = useSessionState();
  const [signingIn, setSigningIn] = useState(false);
  if (!sessionEnded) return null;

  return (
    <div className="session-banner" role="alert" data-testid="session-banner">
      {signedInAs ? (
        <p className="session-banner__text">
          <strong>This browser is now signed in as {signedInAs.email}.</strong> This page belongs to{' '}
          {user.email}: sign in as them to keep working here.
        </p>
      ) : (
        <p className="session-banner__text">
          <strong>You were signed out.</strong> {note}
        </p>
      )}
      <button
        type="button"
        className="button button--primary button--small"
        onClick={() => setSigningIn(true)}
      >
        Sign in
      </button>
      {signingIn && <SignInDialog email={user.email} onClose={() => setSigningIn(false)} />}
    </div>
  );
}
