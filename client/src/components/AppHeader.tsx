import { useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { signOut } from '../auth/authClient.ts';
import { useCurrentUser, useSessionEnded } from '../auth/RequireAuth.tsx';
import { signInPath } from '../auth/returnTo.ts';

/** The top bar: the app name, an optional trail back to where you came from, you and Sign out. */
export function AppHeader({ children }: { children?: ReactNode }) {
  const user = useCurrentUser();
  const sessionEnded = useSessionEnded();
  const location = useLocation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function onSignOut() {
    setBusy(true);
    setFailed(false);
    const result = await signOut();
    setBusy(false);
    if (result.error) {
      setFailed(true);
      return;
    }
    navigate('/sign-in', { replace: true });
  }

  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link to="/" className="brand" aria-label="Baton: your series">
          <span className="brand__mark" aria-hidden="true" />
          Baton
        </Link>
        {children && (
          <nav className="app-header__trail" aria-label="Breadcrumb">
            {children}
          </nav>
        )}
        <div className="app-header__user">
          <span className="app-header__name" title={user.email}>
            {user.name || user.email}
          </span>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={onSignOut}
            disabled={busy}
          >
            {busy ? 'Signing out…' : 'Sign out'}
          </button>
          {failed && (
            <span className="app-header__error" role="alert">
              Could not sign out. Try again.
            </span>
          )}
        </div>
      </div>
      {sessionEnded && (
        <div className="session-banner" role="alert">
          Your session has ended, so new changes may not be saved.{' '}
          <Link to={signInPath(location.pathname + location.search)}>Sign in again</Link>
        </div>
      )}
    </header>
  );
}
