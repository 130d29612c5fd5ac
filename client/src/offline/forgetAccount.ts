/**
 * Sign-out removes what this device kept for the account: its drafts, the
 * service worker's copies of API answers, and the last-known-user note.
 */
import { forgetLastKnownUser } from '../auth/lastKnownUser.ts';
import { clearApiCache } from './apiCache.ts';
import { clearLocalDrafts } from './draftDatabases.ts';

export async function forgetAccountOnDevice(userId: string): Promise<void> {
  forgetLastKnownUser();
  await clearApiCache();
  await clearLocalDrafts(userId);
}
