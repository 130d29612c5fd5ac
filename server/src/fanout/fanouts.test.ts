import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { vi } from 'vitest';
import { createLogger } from '../config/logger.ts';
import { describeFanoutContract } from './fanout.contract.ts';
import { LocalBus, LocalFanout } from './fanout.ts';
import { RedisFanout } from './redisFanout.ts';

describeFanoutContract('local', async () => {
  const bus = new LocalBus();
  return {
    connect: async () => new LocalFanout(bus),
    docListeners: async (docName) => bus.docListeners(docName),
    close: async () => {},
  };
});

// The vitest config sets BATON_TEST_REDIS when Redis runs here (always under CI).
if (process.env.BATON_TEST_REDIS) {
  const url = 'redis://127.0.0.1:6379';
  describeFanoutContract('Redis', async () => {
    // A prefix of its own per test: other tests (and servers) may share this Redis.
    const prefix = `baton-fanout-test-${randomBytes(5).toString('hex')}`;
    const admin = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await admin.connect();
    return {
      connect: async () => {
        const fanout = new RedisFanout(url, prefix, createLogger('silent'));
        // Publishing needs both connections up (the publisher does not queue while down) …
        await vi.waitFor(() => {
          if (fanout.status() !== 'connected') throw new Error('Redis not connected yet');
        });
        // … and a subscription made now is answered after the instance's own ones
        // (events, access), which are sent first on the same connection.
        await fanout.subscribeDoc('contract-ready');
        await fanout.unsubscribeDoc('contract-ready');
        return fanout;
      },
      docListeners: async (docName) => {
        const [, count] = (await admin.call('PUBSUB', 'NUMSUB', `${prefix}:doc:${docName}`)) as [
          string,
          number,
        ];
        return Number(count);
      },
      close: async () => {
        await admin.quit();
      },
    };
  });
}
