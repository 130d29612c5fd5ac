import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useSessionEnded } from '../auth/RequireAuth.tsx';
import { signInPath } from '../auth/returnTo.ts';
import { UserMenu } from './UserMenu.tsx';

/** The top bar: the app name, an optional trail back to where you came from, and your menu. */
export function AppHeader({ children }: { children?: ReactNode }) {
  const sessionEnded = useSessionEnded();
  const location = useLocation();

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
          <UserMenu />
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
