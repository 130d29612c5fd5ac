/** Counts words the way a writer would: runs of letters or digits, with inner apostrophes and hyphens. */
export function countWords(text: string): number {
  // \u2019 is the typographic apostrophe, escaped: the server bundle keeps regular
  // expressions as written, and one non-ASCII character makes V8 hold the whole
  // file two bytes a character (server/scripts/build.mjs).
  const matches = text.match(/[\p{L}\p{N}]+(?:['\u2019-][\p{L}\p{N}]+)*/gu);
  return matches ? matches.length : 0;
}
