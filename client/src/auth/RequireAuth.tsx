import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../components/Loading.tsx';
import { recheckSession, useSession, type CurrentUser } from './authClient.ts';
import { useLastKnownUser } from './lastKnownUser.ts';
import { signInPath } from './returnTo.ts';
import { useSessionRecheck } from './sessionRecheck.ts';

export interface SessionState {
  /** The person this page was opened for; kept when their session ends. */
  user: CurrentUser;
  /**
   * This person's session ended while the page was open (signed out in another
   * tab, revoked, expired), or the browser is now signed in as someone else.
   */
  sessionEnded: boolean;
  /** Someone else signed in meanwhile (in another tab): this page's edits are not theirs. */
  signedInAs: CurrentUser | null;
}

const SessionContext = createContext<SessionState | null>(null);

/**
 * Renders `children` for a signed-in user; everyone else goes to sign-in and comes back.
 * Once a page is up it stays up whatever the session does: when the session
 * ends, the page is told (`useSessionState`) and shows a banner, and an open
 * editor keeps its unsent text. Nothing here unmounts it again (AUTH-7).
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  // The server out of reach is not a sign-out: carry on as the last account seen here.
  const offlineUser = useLastKnownUser(session);
  const user = session.data?.user ?? offlineUser;
  const id = user?.id;
  const name = user?.name;
  const email = user?.email;
  const current = useMemo<CurrentUser | null>(
    () => (id === undefined ? null : { id, name: name ?? '', email: email ?? '' }),
    [id, name, email],
  );
  const [pageUser, setPageUser] = useState<CurrentUser | null>(null);
  if (current && current !== pageUser && (pageUser === null || pageUser.id === current.id))
    setPageUser(current);

  const sessionEnded = pageUser !== null && current?.id !== pageUser.id;
  useSessionRecheck(sessionEnded, recheckSession);
  const state = useMemo<SessionState | null>(
    () =>
      pageUser
        ? {
            user: pageUser,
            sessionEnded,
            signedInAs: sessionEnded && current ? current : null,
          }
        : null,
    [pageUser, sessionEnded, current],
  );

  if (state) return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
  if (session.isPending) return <Loading label="Checking your session…" />;
  return <Navigate to={signInPath(location.pathname + location.search)} replace />;
}

/** The signed-in user; only valid below `RequireAuth`. */
export function useCurrentUser(): CurrentUser {
  return useSessionState().user;
}

/** The page's user and whether their session is still on; only valid below `RequireAuth`. */
export function useSessionState(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSessionState must be used below <RequireAuth>');
  return state;
}

/** Whether the session ended while this page was open. */
export function useSessionEnded(): boolean {
  return useContext(SessionContext)?.sessionEnded ?? false;
}
