/**
 * Which link targets a document may carry: http, https and mailto, relative
 * paths and `#` fragments. Checked after trimming and case-folding, so
 * " JavaScript:alert(1)" and friends never become links.
 */
export const allowedLinkProtocols = ['http', 'https', 'mailto'] as const;

const schemePattern = /^([a-z][a-z0-9+.-]*):/;

export function isAllowedLinkTarget(raw: string): boolean {
  const href = withoutIgnoredCharacters(raw.trim().toLowerCase());
  if (href === '') return false;
  const scheme = schemePattern.exec(href);
  if (!scheme) return !href.startsWith('//') && !href.startsWith('\\');
  return (allowedLinkProtocols as readonly string[]).includes(scheme[1] ?? '');
}

/** Browsers ignore ASCII control characters and whitespace inside a URL's scheme. */
function withoutIgnoredCharacters(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code > 0x20 && code !== 0x7f && !/\s/.test(char)) out += char;
  }
  return out;
}
