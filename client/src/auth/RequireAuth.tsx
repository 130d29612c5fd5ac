import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../components/Loading.tsx';
import { isSigningOut, useSession, type CurrentUser } from './authClient.ts';
import { useLastKnownUser } from './lastKnownUser.ts';
import { signInPath } from './returnTo.ts';

interface UserState {
  user: CurrentUser;
  /** The session ended while the page was open; AppHeader shows a sign-in banner. */
  sessionEnded: boolean;
}

const UserContext = createContext<UserState | null>(null);

/**
 * Renders `children` for a signed-in user; everyone else goes to sign-in and comes back.
 * When the session ends while a page is open (expired, revoked), the page stays up
 * with a banner instead of vanishing: an open editor may hold text not yet sent.
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
  const [lastUser, setLastUser] = useState<CurrentUser | null>(null);
  if (current && current !== lastUser) setLastUser(current);

  const shown = current ?? lastUser;
  const value = useMemo(
    () => (shown ? { user: shown, sessionEnded: !current } : null),
    [shown, current],
  );

  if (current && value)
    return <UserContext.Provider value={value}>{children}</UserContext.Provider>;
  if (session.isPending || isSigningOut()) return <Loading label="Checking your session…" />;
  if (!value) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  return <UserContext.Provider value={value}>{children}</UserContext.Provider>;
}

/** The signed-in user; only valid below `RequireAuth`. */
export function useCurrentUser(): CurrentUser {
  const state = useContext(UserContext);
  if (!state) throw new Error('useCurrentUser must be used below <RequireAuth>');
  return state.user;
}

/** Whether the session ended while this page was open. */
export function useSessionEnded(): boolean {
  return useContext(UserContext)?.sessionEnded ?? false;
}
