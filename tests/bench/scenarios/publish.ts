/**
 * publish (Baton only; the reference has no publishing): the 100,000-word
 * essay is pushed into an installment, then published (render to sanitized
 * HTML and Markdown, store the version), and its reader page is fetched.
 * Time of each step and the server's peak memory.
 */
import { startClients } from '../clients/pool.ts';
import { essayFile } from '../essay/essayCache.ts';
import { memory, untilIdle } from '../procStats.ts';
import type { BatonHandle } from '../servers/baton.ts';
import type { Scenario } from '../types.ts';

const full = { words: 100_000 };

export const publish: Scenario<typeof full> = {
  name: 'publish',
  title: 'publish: publish a 100,000-word installment and render its reader page',
  servers: ['baton'],
  metrics: [
    { key: 'words', label: 'words', unit: '', digits: 0 },
    { key: 'publishMs', label: 'publish (POST …/publish)', unit: 'ms', digits: 0 },
    { key: 'readerPageMs', label: 'reader page (GET /read/…/1)', unit: 'ms', digits: 1 },
    { key: 'readerPageKb', label: 'reader page size', unit: 'KB', digits: 0 },
    { key: 'peakRssMb', label: 'server peak RSS', unit: 'MB', digits: 1 },
    { key: 'peakRssGrowthMb', label: 'peak RSS growth while publishing', unit: 'MB', digits: 1 },
  ],
  params: { full, quick: { words: 5_000 } },
  async run(ctx, p) {
    const essay = essayFile(ctx.resultsDir, p.words);
    const server = (await ctx.launch()) as BatonHandle;
    const [pusher] = startClients(1);
    if (!pusher) throw new Error('no client process');
    try {
      const [room = ''] = await server.createRooms(1);
      await pusher.call('push', {
        updatePath: essay.path,
        timeoutMs: 60_000,
        target: server.target,
        room,
      });
      await untilIdle(server.pid, { windowMs: ctx.quick ? 500 : 2_500, timeoutMs: 30_000 });
      const { baseUrl, cookie } = server.session;
      const headers = { cookie, origin: baseUrl, 'content-type': 'application/json' };
      const before = memory(server.pid);
      let start = performance.now();
      const published = await fetch(`${baseUrl}/api/installments/${room}/publish`, {
        method: 'POST',
        headers,
        body: '{}',
      });
      const publishMs = performance.now() - start;
      if (published.status !== 201) throw new Error(`publish answered ${published.status}`);
      const installment = (await (
        await fetch(`${baseUrl}/api/installments/${room}`, { headers })
      ).json()) as { series: { slug: string }; number: number };
      start = performance.now();
      const page = await fetch(`${baseUrl}/read/${installment.series.slug}/${installment.number}`);
      const html = await page.text();
      const readerPageMs = performance.now() - start;
      if (page.status !== 200) throw new Error(`reader page answered ${page.status}`);
      const after = memory(server.pid);
      return {
        values: {
          words: essay.words,
          publishMs,
          readerPageMs,
          readerPageKb: Buffer.byteLength(html) / 1024,
          peakRssMb: after.peakRss / 2 ** 20,
          peakRssGrowthMb: (after.peakRss - before.peakRss) / 2 ** 20,
        },
        warnings: [],
        failures: [],
      };
    } finally {
      await pusher.stop();
      await server.dispose();
    }
  },
};
