/** The HTML shell of every reader page: metadata, canonical and feed links, the stylesheet. No scripts. */
import { escapeAttr, escapeText } from '../render/escape.ts';

export interface PageMeta {
  title: string;
  description: string;
  /** Absolute canonical URL. */
  canonical: string;
  siteName: string;
  feedUrl: string;
  type: 'website' | 'article';
  publishedAt?: string;
}

export function layout(meta: PageMeta, body: string): string {
  const description = meta.description.slice(0, 300);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(meta.title)}</title>
<meta name="description" content="${escapeAttr(description)}">
<link rel="canonical" href="${escapeAttr(meta.canonical)}">
<link rel="alternate" type="application/atom+xml" title="${escapeAttr(meta.siteName)}" href="${escapeAttr(meta.feedUrl)}">
<meta property="og:title" content="${escapeAttr(meta.title)}">
<meta property="og:description" content="${escapeAttr(description)}">
<meta property="og:type" content="${meta.type}">
<meta property="og:url" content="${escapeAttr(meta.canonical)}">
<meta property="og:site_name" content="${escapeAttr(meta.siteName)}">
${meta.publishedAt ? `<meta property="article:published_time" content="${escapeAttr(meta.publishedAt)}">\n` : ''}<link rel="stylesheet" href="/read/_/reader.css">
</head>
<body>
${body}
</body>
</html>`;
}

/** A date as readers expect it, e.g. "26 November 2026". */
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
