/**
 * Caret colours, as `#rrggbb` (CollaborationCaret renders other formats transparent).
 * Chosen to stay readable on white with white label text.
 */
export const caretPalette = [
  '#c2410c',
  '#1d4ed8',
  '#15803d',
  '#7e22ce',
  '#be123c',
  '#0f766e',
  '#a16207',
  '#4338ca',
  '#9d174d',
  '#0369a1',
] as const;

/** A stable colour for a user id: the same person has the same caret everywhere. */
export function colorForUser(userId: string): string {
  let hash = 2166136261;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return caretPalette[(hash >>> 0) % caretPalette.length] ?? caretPalette[0];
}
