/**
 * An account's display name, as the sign-up form and the server check it: it
 * is shown on carets, presence and comments to everyone in a series, so it is
 * one short line of visible text.
 */
import { z } from 'zod';
import { limits } from './limits.ts';

// Control characters (line breaks, tabs, escapes) would break the one line a name is shown on.
const controlCharacters = /\p{Cc}/u;

export const accountNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter your name.')
  .max(limits.nameMax, `Use at most ${limits.nameMax} characters.`)
  .refine((name) => !controlCharacters.test(name), 'Use letters, digits and punctuation only.');
