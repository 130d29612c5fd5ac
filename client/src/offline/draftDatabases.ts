/**
 * Where drafts kept on this device live: one IndexedDB database per account and
 * installment, `baton:<userId>:<installmentId>`, so two accounts on one browser
 * never share a draft and signing out can delete exactly one account's.
 * localStorage remembers which databases an account has, for browsers without
 * `indexedDB.databases()`.
 */

const DATABASE_PREFIX = 'baton:';
const registryKey = (userId: string) => `baton:drafts:${userId}`;

/** The database holding `userId`'s draft of `installmentId`. */
export function draftDatabaseName(userId: string, installmentId: string): string {
  return `${DATABASE_PREFIX}${userId}:${installmentId}`;
}

function registered(userId: string): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(registryKey(userId)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}

/** Notes that `userId` keeps a draft in `name`. */
export function registerDraftDatabase(userId: string, name: string): void {
  const names = registered(userId);
  if (names.includes(name)) return;
  try {
    localStorage.setItem(registryKey(userId), JSON.stringify([...names, name]));
  } catch {
    // Storage full or refused: indexedDB.databases() still finds the database.
  }
}

/** Every draft database of `userId` on this device. */
async function draftDatabases(userId: string): Promise<string[]> {
  const prefix = draftDatabaseName(userId, '');
  const names = new Set(registered(userId));
  if (typeof indexedDB.databases === 'function') {
    for (const { name } of await indexedDB.databases()) {
      if (name?.startsWith(prefix)) names.add(name);
    }
  }
  return [...names];
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    // Open copies close themselves on the version change this causes (see localDraft.ts).
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`Could not delete ${name}`));
  });
}

/**
 * Deletes every draft `userId` keeps on this device (on sign-out). Changes not
 * yet on the server are lost with them: they belong to an account that is no
 * longer signed in here.
 */
export async function clearLocalDrafts(userId: string): Promise<void> {
  const names = await draftDatabases(userId);
  await Promise.all(names.map(deleteDatabase));
  localStorage.removeItem(registryKey(userId));
}
