/**
 * The public reader at `/read`: server-rendered, readable without client
 * JavaScript, published versions only (domain/publicReading.ts decides what
 * is public). A strict CSP: no scripts at all.
 */
import { limits } from '@baton/shared/limits.ts';
import { type Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { findPublishedSeries, seriesFeedEntries } from '../domain/publicReading.ts';
import { diffDocuments } from '../render/diffDocuments.ts';
import { readNode } from '../render/pmJson.ts';
import { atomFeed } from './atomFeed.ts';
import { loadReaderPart, slugParam } from './loadReaderPart.ts';
import { notFoundPage as notFound, wayBackFrom } from './notFoundPage.ts';
import { changesPage, installmentPage, seriesPage } from './pages.ts';
import { readerCss } from './readerStyles.ts';

export const readerCsp =
  "default-src 'none'; style-src 'self'; img-src 'self' https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface ReadDeps {
  db: Kysely<Database>;
  publicUrl: string;
}

export function readRoutes({ db, publicUrl }: ReadDeps) {
  const notFoundPage = async (c: Context) =>
    c.html(notFound(await wayBackFrom(db, publicUrl, c.req.path)), 404);

  const loadPart = (slug: string, n: string, k?: string) =>
    loadReaderPart({ db, publicUrl }, slug, n, k);

  return (
    new Hono()
      .get('/_/reader.css', (c) => {
        c.header('Content-Type', 'text/css; charset=utf-8');
        c.header('Cache-Control', 'public, max-age=3600');
        return c.body(readerCss);
      })
      .get('/:slug/feed.xml', async (c) => {
        const s = slugParam.safeParse(c.req.param('slug'));
        const series = s.success ? await findPublishedSeries(db, s.data) : null;
        if (!series) return notFoundPage(c);
        const entries = await seriesFeedEntries(db, series.id, limits.feedEntries);
        c.header('Content-Type', 'application/atom+xml; charset=utf-8');
        return c.body(atomFeed(series, entries, publicUrl));
      })
      .get('/:slug', async (c) => {
        const s = slugParam.safeParse(c.req.param('slug'));
        const series = s.success ? await findPublishedSeries(db, s.data) : null;
        if (!series) return notFoundPage(c);
        return c.html(seriesPage(series, publicUrl));
      })
      .get('/:slug/:n', async (c) => {
        const part = await loadPart(c.req.param('slug'), c.req.param('n'));
        if (part?.gone !== undefined) return c.html(part.gone, 410);
        if (!part || !part.versions[0]) return notFoundPage(c);
        return c.html(
          installmentPage({
            ...part,
            version: part.versions[0],
            base: publicUrl,
            isLatestUrl: true,
          }),
        );
      })
      .get('/:slug/:n/v/:file{[0-9]+\\.(?:md|json)}', async (c) => {
        const [k, ext] = c.req.param('file').split('.');
        const part = await loadPart(c.req.param('slug'), c.req.param('n'), k);
        if (part?.gone !== undefined) return c.html(part.gone, 410);
        const version = part?.versions.find((v) => v.number === Number(k));
        if (!part || !version) return notFoundPage(c);
        const name = `${part.series.slug}-part-${part.installment.number}-v${version.number}.${ext}`;
        c.header('Content-Disposition', `attachment; filename="${name}"`);
        if (ext === 'md') {
          c.header('Content-Type', 'text/markdown; charset=utf-8');
          return c.body(`# ${version.title}\n\n${version.markdown}\n`);
        }
        return c.json({
          series: { title: part.series.title, slug: part.series.slug },
          part: part.installment.number,
          version: version.number,
          title: version.title,
          publishedAt: version.published_at,
          note: version.note,
          wordCount: version.word_count,
          prosemirrorJson: JSON.parse(version.prosemirror_json) as unknown,
          markdown: version.markdown,
          html: version.html,
        });
      })
      .get('/:slug/:n/v/:k', async (c) => {
        const part = await loadPart(c.req.param('slug'), c.req.param('n'), c.req.param('k'));
        if (part?.gone !== undefined) return c.html(part.gone, 410);
        const version = part?.versions.find((v) => v.number === Number(c.req.param('k')));
        if (!part || !version) return notFoundPage(c);
        return c.html(installmentPage({ ...part, version, base: publicUrl, isLatestUrl: false }));
      })
      .get('/:slug/:n/v/:k/changes', async (c) => {
        const part = await loadPart(c.req.param('slug'), c.req.param('n'), c.req.param('k'));
        if (part?.gone !== undefined) return c.html(part.gone, 410);
        const k = Number(c.req.param('k'));
        const version = part?.versions.find((v) => v.number === k);
        // Compared with the version before it that readers may still see.
        const previous = part?.versions.find((v) => v.number < k);
        if (!part || !version || !previous) return notFoundPage(c);
        const diff = diffDocuments(
          readNode(JSON.parse(previous.prosemirror_json)),
          readNode(JSON.parse(version.prosemirror_json)),
          previous.number,
          version.number,
        );
        return c.html(changesPage(part.series, part.installment, version, diff, publicUrl));
      })
      // Any other address under /read (the app's index.html would be a blank page here).
      .get('*', notFoundPage)
  );
}
