/** better-auth's React client: same origin, session in an HTTP-only cookie. */
import { createAuthClient } from 'better-auth/react';

export const authClient = createAuthClient({ baseURL: window.location.origin });

export const { useSession, signIn, signUp } = authClient;

let signedOutHere = false;

/**
 * Whether this tab signed out and has not signed in since. The sign-in page
 * then stays put although the session store may still hold the old session
 * for a moment (it would otherwise send the person straight back).
 */
export function signedOutInThisTab(): boolean {
  return signedOutHere;
}

/** Signs out; the page that asked moves to sign-in, other tabs learn it from better-auth. */
export async function signOut(): Promise<{ error: unknown }> {
  try {
    const result = await authClient.signOut();
    if (!result.error) signedOutHere = true;
    return { error: result.error };
  } catch (error) {
    return { error };
  }
}

/**
 * Tabs of this app tell each other about sign-ins. better-auth itself announces
 * only sign-outs across tabs; without this, a tab whose session ended would not
 * notice that the person signed in again elsewhere until its next check.
 */
const sessionChannelName = 'baton.session';

/** Called after a successful sign-in or sign-up: the other tabs read the session again. */
export function markSignedIn(): void {
  signedOutHere = false;
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(sessionChannelName);
  channel.postMessage('signed-in');
  channel.close();
}

/** Reads the session again whenever another tab signs in. Call once, at start-up. */
export function followSignInsElsewhere(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  new BroadcastChannel(sessionChannelName).onmessage = () => {
    signedOutHere = false;
    recheckSession();
  };
}

/** Asks the server for the session again; `useSession` users re-render with the answer. */
export function recheckSession(): void {
  authClient.$store.notify('$sessionSignal');
}

/**
 * After an API 401: re-reads the session, but only while it is believed live.
 * Once it is known to be gone, another 401 says nothing new, and asking again
 * for every one of them is what once turned a sign-out into a request storm.
 */
export function refreshSessionAfter401(): void {
  if (authClient.$store.atoms.session?.get().data) recheckSession();
}

/** The signed-in user as the app uses it. */
export interface CurrentUser {
  id: string;
  name: string;
  email: string;
}
