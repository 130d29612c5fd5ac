/** Checks what a person typed as a link target against the shared allowed protocols. */
import { allowedLinkProtocols, isAllowedLinkTarget } from '@baton/shared/links.ts';

export type LinkTarget =
  { kind: 'remove' } | { kind: 'set'; href: string } | { kind: 'invalid'; message: string };

const protocols: readonly string[] = allowedLinkProtocols.map((p) => `${p}:`);

/** "" removes the link; "example.com" becomes "https://example.com"; only http, https and mailto pass. */
export function parseLinkTarget(raw: string): LinkTarget {
  const input = raw.trim();
  if (!input) return { kind: 'remove' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(input);
  const candidate = hasScheme
    ? input
    : input.includes('@') && !input.includes('/')
      ? `mailto:${input}`
      : `https://${input}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { kind: 'invalid', message: 'That does not look like a web address.' };
  }
  if (!protocols.includes(url.protocol)) {
    return { kind: 'invalid', message: 'Links must start with http://, https:// or mailto:.' };
  }
  if (url.protocol !== 'mailto:' && !url.hostname.includes('.') && url.hostname !== 'localhost') {
    return { kind: 'invalid', message: 'That does not look like a web address.' };
  }
  // The document's own gate (setLink refuses what it refuses): never apply what it would drop.
  if (!isAllowedLinkTarget(url.href)) {
    return { kind: 'invalid', message: 'Links must start with http://, https:// or mailto:.' };
  }
  return { kind: 'set', href: url.href };
}
