/**
 * A real HTTP server on 127.0.0.1 that receives webhook deliveries, answers
 * with the status the test chooses, and lets the test wait for requests.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { until } from './waitFor.ts';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as received (what the signature covers). */
  body: string;
  /** The status the receiver answered with. */
  answered: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedRequest[];
  /** Chooses the status for each request (it may take its time); 204 by default. */
  answer(
    choose: (request: Omit<ReceivedRequest, 'answered'>, index: number) => number | Promise<number>,
  ): void;
  /** Resolves with each request as it arrives, before it is answered. */
  onArrival(listener: (request: Omit<ReceivedRequest, 'answered'>) => void): () => void;
  /** Resolves once `count` requests matching `filter` have arrived. */
  untilReceived(
    count: number,
    filter?: (request: ReceivedRequest) => boolean,
  ): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedRequest[] = [];
  const arrivals = new EventEmitter();
  let choose: Parameters<WebhookReceiver['answer']>[0] = () => 204;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const request = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      arrivals.emit('arrival', request);
      const answered = await choose(request, received.length);
      res.writeHead(answered, { 'content-type': 'text/plain' });
      res.end(answered >= 400 ? 'receiver says no' : 'ok');
      received.push({ ...request, answered });
      arrivals.emit('request');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/baton`,
    received,
    answer(next) {
      choose = next;
    },
    onArrival(listener) {
      arrivals.on('arrival', listener);
      return () => arrivals.off('arrival', listener);
    },
    async untilReceived(count, filter = () => true) {
      const matching = () => received.filter(filter);
      await until(
        `${count} webhook requests arrived`,
        () => matching().length >= count,
        (notify) => {
          arrivals.on('request', notify);
          return () => arrivals.off('request', notify);
        },
      );
      return matching();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Verifies `Baton-Signature` the way docs/api.md tells receivers to, with
 * node:crypto only (not the server's code): t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">.
 */
export function signatureIsValid(request: ReceivedRequest, secret: string): boolean {
  const header = String(request.headers['baton-signature'] ?? '');
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=', 2)));
  const t = parts.t;
  const v1 = parts.v1;
  if (!t || !v1 || !/^\d+$/.test(t)) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${request.body}`).digest();
  const given = Buffer.from(v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
