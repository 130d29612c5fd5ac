import { Socket } from 'node:net';
import { defineConfig } from 'vitest/config';

/** Whether something listens on host:port (PostgreSQL, Redis), within a short timeout. */
function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

// The integration suite runs again on PostgreSQL when it is there. Without it
// that run is skipped with a message, except under CI=true, where it must run
// (and fails if the database is missing).
const postgresUp = await reachable('127.0.0.1', 5432);
const runPostgres = postgresUp || process.env.CI === 'true';
if (!runPostgres) {
  console.warn('Skipping the PostgreSQL integration run: nothing listens on 127.0.0.1:5432.');
}

// The Fanout contract runs against Redis too when it is there; likewise skipped
// with a message without it, and required under CI=true.
const redisUp = await reachable('127.0.0.1', 6379);
const runRedis = redisUp || process.env.CI === 'true';
if (!runRedis) {
  console.warn('Skipping the Redis fan-out contract: nothing listens on 127.0.0.1:6379.');
}

/** Suites that exercise the store through the server (the rest are store-independent). */
const storeSuites = [
  'tests/integration/api.test.ts',
  'tests/integration/collab.test.ts',
  'tests/integration/roleMatrix.test.ts',
  'tests/integration/membership.test.ts',
  'tests/integration/apiKeys.test.ts',
  // The upgrade reads session cookies with its own query.
  'tests/integration/collabAuth.test.ts',
  'tests/integration/comments.test.ts',
  'tests/integration/commentUndo.test.ts',
  'tests/integration/publishing.test.ts',
  'tests/integration/installmentActions.test.ts',
  'tests/integration/suggestions.test.ts',
  'tests/integration/storeFailures.test.ts',
  // The content API writes through the live room and reads drafts from the store.
  'tests/integration/contentApi.test.ts',
  // Deliveries are queued and claimed in the database.
  'tests/integration/webhooks.test.ts',
  // better-auth keeps its rate limits in the database when scaled out.
  'tests/integration/authHardening.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/src/**/*.test.ts',
            'server/src/**/*.test.ts',
            'client/src/**/*.test.ts',
          ],
          environment: 'node',
          env: { BATON_TEST_PG: runPostgres ? '1' : '', BATON_TEST_REDIS: runRedis ? '1' : '' },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      ...(runPostgres
        ? [
            {
              test: {
                name: 'integration-pg',
                include: storeSuites,
                environment: 'node',
                env: { BATON_TEST_STORE: 'postgres' },
                testTimeout: 30_000,
                hookTimeout: 30_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
