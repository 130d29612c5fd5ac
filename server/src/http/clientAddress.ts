/**
 * The client address that per-address limits count (websocket connections,
 * better-auth's rate limits): the peer itself, or behind a trusted reverse
 * proxy the last X-Forwarded-For hop, the one that proxy appended.
 */
export function clientAddress(
  peerAddress: string | undefined,
  forwardedFor: string | null | undefined,
  trustProxy: boolean,
): string {
  if (trustProxy && forwardedFor) {
    const last = forwardedFor.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return peerAddress ?? 'unknown';
}
