/** better-auth's React client: same origin, session in an HTTP-only cookie. */
import { createAuthClient } from 'better-auth/react';

export const authClient = createAuthClient({ baseURL: window.location.origin });

export const { useSession, signIn, signUp } = authClient;

let signingOut = false;

/** Whether the person chose to sign out (so a missing session is expected, not an expiry). */
export function isSigningOut(): boolean {
  return signingOut;
}

/** Signs out; until the next sign-in, a missing session is not reported as "ended". */
export async function signOut(): Promise<{ error: unknown }> {
  signingOut = true;
  try {
    const result = await authClient.signOut();
    if (result.error) signingOut = false;
    return { error: result.error };
  } catch (error) {
    signingOut = false;
    return { error };
  }
}

/** Called after a successful sign-in or sign-up. */
export function markSignedIn(): void {
  signingOut = false;
}

/** Re-reads the session from the server (e.g. after a 401); `useSession` users re-render. */
export function refreshSession(): void {
  authClient.$store.notify('$sessionSignal');
}

/** The signed-in user as the app uses it. */
export interface CurrentUser {
  id: string;
  name: string;
  email: string;
}
