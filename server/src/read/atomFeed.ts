/** Atom 1.0 feed of a series: one entry per published version, newest first, with stable ids. */
import type { PublishedSeries } from '../domain/publicReading.ts';
import { escapeText } from '../render/escape.ts';

export interface FeedEntry {
  id: string;
  number: number;
  title: string;
  html: string;
  note: string;
  published_at: string;
  installment_number: number;
  author_name: string | null;
}

const xml = (s: string) => escapeText(s).replace(/"/g, '&quot;');

export function atomFeed(series: PublishedSeries, entries: FeedEntry[], base: string): string {
  const seriesUrl = `${base}/read/${series.slug}`;
  const updated = entries[0]?.published_at ?? new Date(0).toISOString();
  const items = entries
    .map((e) => {
      const url = `${seriesUrl}/${e.installment_number}/v/${e.number}`;
      return `  <entry>
    <id>urn:baton:version:${xml(e.id)}</id>
    <title>${xml(`Part ${e.installment_number}: ${e.title}${e.number > 1 ? ` (version ${e.number})` : ''}`)}</title>
    <link rel="alternate" type="text/html" href="${xml(url)}"/>
    <published>${xml(e.published_at)}</published>
    <updated>${xml(e.published_at)}</updated>
    <author><name>${xml(e.author_name ?? series.title)}</name></author>
${e.note ? `    <summary>${xml(e.note)}</summary>\n` : ''}    <content type="html">${xml(e.html)}</content>
  </entry>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:baton:series:${xml(series.id)}</id>
  <title>${xml(series.title)}</title>
${series.description ? `  <subtitle>${xml(series.description)}</subtitle>\n` : ''}  <link rel="self" type="application/atom+xml" href="${xml(`${seriesUrl}/feed.xml`)}"/>
  <link rel="alternate" type="text/html" href="${xml(seriesUrl)}"/>
  <updated>${xml(updated)}</updated>
  <author><name>${xml(series.title)}</name></author>
  <generator>Baton</generator>
${items}
</feed>
`;
}
