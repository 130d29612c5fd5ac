/**
 * Comment bodies are plain text; web addresses in them become links. Only
 * http and https, so a body can never carry `javascript:` or `data:` links.
 */

export type TextPart =
  { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const candidate = /\bhttps?:\/\/[^\s<>"]+/gi;
/** Punctuation that usually ends the sentence, not the address. */
const trailing = /[.,;:!?'"»”’]+$/;

const count = (s: string, ch: string) => s.split(ch).length - 1;
const brackets = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
] as const;

/** Drops trailing punctuation, and a closing bracket that has no opening one in the address. */
function trimEnd(url: string): string {
  let out = url.replace(trailing, '');
  for (const [open, close] of brackets) {
    while (out.endsWith(close) && count(out, close) > count(out, open)) {
      out = out.slice(0, -1).replace(trailing, '');
    }
  }
  return out;
}

function safeHref(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Splits `text` into plain runs and links, in order; joining the parts' text gives `text`. */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(candidate)) {
    const url = trimEnd(match[0]);
    const href = safeHref(url);
    if (!href) continue;
    if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
    parts.push({ kind: 'link', text: url, href });
    last = match.index + url.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}
