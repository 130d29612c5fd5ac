/**
 * The reader's 404: says nothing is published at the address and offers the
 * nearest way back: the part, the series, or the site's home page. It reveals
 * only what the reader pages show anyway (published series and parts).
 */
import { limits } from '@baton/shared/limits.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { findPublishedSeries } from '../domain/publicReading.ts';
import { escapeAttr, escapeText } from '../render/escape.ts';

export interface WayBack {
  href: string;
  label: string;
}

/** `/read/<slug>[/<part number>][/…]`, as long as the limits on slugs and path numbers allow. */
const readPath = new RegExp(
  `^/read/([a-z0-9-]{1,${limits.slugMax}})(?:/(\\d{1,${String(limits.pathNumberMax).length}}))?(/.+)?$`,
);

/** The nearest published page above `path` (a `/read/…` path that was not found). */
export async function wayBackFrom(
  db: Kysely<Database>,
  base: string,
  path: string,
): Promise<WayBack> {
  const home = { href: `${base}/`, label: 'Go to the home page' };
  const [, slug, number, rest] = readPath.exec(path) ?? [];
  const series = slug ? await findPublishedSeries(db, slug) : null;
  if (!series) return home;
  const seriesUrl = `${base}/read/${series.slug}`;
  const part = series.installments.find((i) => i.number === Number(number));
  // Below a part that exists (a missing version): back to the part.
  if (part && rest) {
    return { href: `${seriesUrl}/${part.number}`, label: `Part ${part.number}: ${part.title}` };
  }
  return { href: seriesUrl, label: `All parts of ${series.title}` };
}

export function notFoundPage(back: WayBack): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Not found</title>
<link rel="stylesheet" href="/read/_/reader.css">
</head>
<body>
<main>
<p class="kicker">Not found</p>
<h1>Nothing is published here</h1>
<p class="description">The address may be mistyped, or this has not been published (yet).</p>
<p><a href="${escapeAttr(back.href)}">← ${escapeText(back.label)}</a></p>
</main>
</body>
</html>`;
}
