import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { SessionBanner } from './SessionBanner.tsx';
import { UserMenu } from './UserMenu.tsx';

interface Props {
  /** The trail back to where you came from. */
  children?: ReactNode;
  /** What the page keeps when the session ends (see SessionBanner). */
  signedOutNote?: string;
}

/** The top bar: the app name, an optional trail, your menu, and the signed-out banner. */
export function AppHeader({ children, signedOutNote }: Props) {
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
      <SessionBanner note={signedOutNote} />
    </header>
  );
}
