import { randomBytes } from 'node:crypto';

/** A new opaque id: 16 URL-safe characters (96 random bits). */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}

/** Timestamps are stored as ISO-8601 UTC strings: sortable and portable across SQL dialects. */
export function nowIso(): string {
  return new Date().toISOString();
}
