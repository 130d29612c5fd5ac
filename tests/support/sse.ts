/** A minimal server-sent events reader over fetch, for tests: await the events you expect. */
export interface SseEvent {
  id: string | null;
  event: string;
  data: string;
}

export interface SseStream {
  status: number;
  /** Resolves with the next event matching `predicate` (events already received count). */
  next(predicate?: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  lastEventId: string | null;
  /** Resolves when the server ends the stream (not when `close` aborts it). */
  ended: Promise<void>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string>): Promise<SseStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const received: SseEvent[] = [];
  const waiters = new Set<() => void>();
  let lastEventId: string | null = null;
  let markEnded = () => {};
  const ended = new Promise<void>((resolve) => (markEnded = resolve));
  const stream: SseStream = {
    ended,
    status: response.status,
    get lastEventId() {
      return lastEventId;
    },
    next(predicate = () => true, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const index = received.findIndex(predicate);
          if (index === -1) return false;
          const [event] = received.splice(index, 1);
          waiters.delete(check);
          clearTimeout(timer);
          resolve(event!);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error('timed out waiting for a server-sent event'));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close: () => controller.abort(),
  };
  if (!response.ok || !response.body) return stream;
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: SseEvent = { id: null, event: 'message', data: '' };
          let hasData = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            const field = colon === -1 ? line : line.slice(0, colon);
            const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'id') event.id = value;
            else if (field === 'event') event.event = value;
            else if (field === 'data') {
              event.data += (hasData ? '\n' : '') + value;
              hasData = true;
            }
          }
          if (!hasData) continue;
          if (event.id !== null) lastEventId = event.id;
          received.push(event);
          for (const waiter of [...waiters]) waiter();
        }
      }
      markEnded();
    } catch {
      // aborted
    }
  })();
  return stream;
}
