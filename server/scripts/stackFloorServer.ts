/**
 * The stack floor: the least a server built on Baton's stack holds at rest.
 * Hono on @hono/node-server, better-auth with its API-key plugin on
 * better-sqlite3, zod, ws and yjs, and nothing of Baton's own. It answers just
 * what the bench's sign-up asks (`openSession`): better-auth's routes and one
 * authenticated, validated `POST /api/series`; a websocket upgrade joins one
 * Y.Doc. better-auth loads on the first request, as Baton's does.
 *
 * tests/bench/floor/run.ts bundles it with Baton's build settings and starts
 * it with Baton's start flags, so the difference between the two at rest is
 * what Baton's own code holds.
 */
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { z } from 'zod';

const database = new Database(`${process.env.DATA_DIR}/floor.db`);
database.pragma('journal_mode = WAL');
const seriesBody = z.object({ title: z.string().min(1).max(200) });

async function createAuth() {
  const [{ betterAuth }, { getMigrations }, { apiKey }] = await Promise.all([
    import('better-auth'),
    import('better-auth/db/migration'),
    import('@better-auth/api-key'),
  ]);
  const config = {
    database,
    baseURL: 'http://127.0.0.1',
    basePath: '/api/auth',
    secret: process.env.BETTER_AUTH_SECRET,
    emailAndPassword: { enabled: true },
    plugins: [apiKey()],
    telemetry: { enabled: false },
    trustedOrigins: ['http://127.0.0.1:*'],
  };
  const { runMigrations } = await getMigrations(config);
  await runMigrations();
  return betterAuth(config);
}
let auth: ReturnType<typeof createAuth> | null = null;

const app = new Hono();
app.on(['GET', 'POST'], '/api/auth/*', async (c) =>
  (await (auth ??= createAuth())).handler(c.req.raw),
);
app.post('/api/series', async (c) => {
  const session = await (
    await (auth ??= createAuth())
  ).api.getSession({ headers: c.req.raw.headers });
  if (!session) return c.json({ error: 'sign in first' }, 401);
  const body = seriesBody.safeParse(await c.req.json());
  if (!body.success) return c.json({ error: body.error.message }, 400);
  return c.json({ id: 'floor', title: body.data.title }, 201);
});

const doc = new Y.Doc();
const sockets = new WebSocketServer({ noServer: true });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`stack floor listening on port ${info.port}`);
});
server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
  sockets.handleUpgrade(request, socket, head, (ws) => {
    ws.on('message', (message: Buffer) => Y.applyUpdate(doc, message));
  });
});
process.on('SIGTERM', () => process.exit(0));
