/** The reader pages: a series, one version of an installment, and what changed in a version. */
import type { VersionDiff } from '@baton/shared/publish.ts';
import { escapeAttr, escapeText } from '../render/escape.ts';
import type { PublishedInstallment, PublishedSeries } from '../domain/publicReading.ts';
import { formatDate, layout } from './layout.ts';

export interface ReaderVersion {
  number: number;
  title: string;
  html: string;
  published_at: string;
  note: string;
  word_count: number;
}

const seriesUrl = (base: string, slug: string) => `${base}/read/${slug}`;

function siteHeader(series: PublishedSeries, base: string): string {
  return `<header class="site"><a href="${escapeAttr(seriesUrl(base, series.slug))}">${escapeText(series.title)}</a><a href="${escapeAttr(seriesUrl(base, series.slug))}/feed.xml">Feed</a></header>`;
}

const footer = (series: PublishedSeries, base: string) =>
  `<footer class="site">${escapeText(series.title)} · <a href="${escapeAttr(seriesUrl(base, series.slug))}/feed.xml">Subscribe with a feed reader</a> · Published with Baton</footer>`;

export function seriesPage(series: PublishedSeries, base: string): string {
  const parts = series.installments
    .map(
      (i) =>
        `<li><a href="${escapeAttr(`${seriesUrl(base, series.slug)}/${i.number}`)}"><span class="part">Part ${i.number}</span>${escapeText(i.title)}</a><time datetime="${escapeAttr(i.latestPublishedAt)}">${formatDate(i.latestPublishedAt)}</time></li>`,
    )
    .join('\n');
  const body = `${siteHeader(series, base)}
<main>
<h1>${escapeText(series.title)}</h1>
${series.description ? `<p class="description">${escapeText(series.description)}</p>` : ''}
<ol class="parts">
${parts}
</ol>
</main>
${footer(series, base)}`;
  return layout(
    {
      title: series.title,
      description:
        series.description || `${series.title}: a serial in ${series.installments.length} parts.`,
      canonical: seriesUrl(base, series.slug),
      siteName: series.title,
      feedUrl: `${seriesUrl(base, series.slug)}/feed.xml`,
      type: 'website',
    },
    body,
  );
}

export interface InstallmentPageInput {
  series: PublishedSeries;
  installment: PublishedInstallment;
  version: ReaderVersion;
  versions: ReaderVersion[];
  base: string;
  /** True on `/read/:slug/:n` (the latest), false on `/v/:k`. */
  isLatestUrl: boolean;
}

export function installmentPage(input: InstallmentPageInput): string {
  const { series, installment, version, versions, base } = input;
  const partUrl = `${seriesUrl(base, series.slug)}/${installment.number}`;
  const latest = versions[0]!;
  const index = series.installments.findIndex((i) => i.id === installment.id);
  const previous = series.installments[index - 1];
  const next = series.installments[index + 1];
  const banner =
    version.number < latest.number
      ? `<p class="banner">You are reading version ${version.number} of this part. <a href="${escapeAttr(partUrl)}">Read the newest version (${latest.number})</a>.</p>`
      : '';
  const minutes = Math.max(1, Math.round(version.word_count / 230));
  const versionList = versions
    .map((v, index) => {
      const links = [
        `<a href="${escapeAttr(`${partUrl}/v/${v.number}`)}">Version ${v.number}</a>`,
        // Changes since the previous version readers may see (versions are newest first).
        index < versions.length - 1
          ? `<a href="${escapeAttr(`${partUrl}/v/${v.number}/changes`)}">changes</a>`
          : '',
        `<a href="${escapeAttr(`${partUrl}/v/${v.number}.md`)}">.md</a>`,
        `<a href="${escapeAttr(`${partUrl}/v/${v.number}.json`)}">.json</a>`,
      ].filter(Boolean);
      return `<li>${links.join(' · ')} — <time datetime="${escapeAttr(v.published_at)}">${formatDate(v.published_at)}</time>${v.note ? ` <span class="note">${escapeText(v.note)}</span>` : ''}</li>`;
    })
    .join('\n');
  const body = `${siteHeader(series, base)}
<main>
<p class="kicker">Part ${installment.number}</p>
<h1>${escapeText(version.title)}</h1>
<p class="meta"><time datetime="${escapeAttr(version.published_at)}">${formatDate(version.published_at)}</time> · ${minutes} min read · version ${version.number}</p>
${banner}
<article>
${version.html}
</article>
<nav class="parts">${previous ? `<a class="prev" href="${escapeAttr(`${seriesUrl(base, series.slug)}/${previous.number}`)}">← Part ${previous.number}: ${escapeText(previous.title)}</a>` : ''}${next ? `<a class="next" href="${escapeAttr(`${seriesUrl(base, series.slug)}/${next.number}`)}">Part ${next.number}: ${escapeText(next.title)} →</a>` : ''}</nav>
<section class="versions"><h2>Versions</h2><ol reversed>
${versionList}
</ol></section>
</main>
${footer(series, base)}`;
  return layout(
    {
      title: `${version.title} · ${series.title}`,
      description: version.html
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
      // Every version's canonical URL is its own; the latest URL points at the version it shows.
      canonical: input.isLatestUrl ? partUrl : `${partUrl}/v/${version.number}`,
      siteName: series.title,
      feedUrl: `${seriesUrl(base, series.slug)}/feed.xml`,
      type: 'article',
      publishedAt: version.published_at,
    },
    body,
  );
}

export function changesPage(
  series: PublishedSeries,
  installment: PublishedInstallment,
  version: ReaderVersion,
  diff: VersionDiff,
  base: string,
): string {
  const partUrl = `${seriesUrl(base, series.slug)}/${installment.number}`;
  const blocks = diff.blocks
    .map((block) => {
      switch (block.kind) {
        case 'same':
          return `<div class="diff-block same">${escapeText(block.text)}</div>`;
        case 'added':
          return `<div class="diff-block added"><span class="diff-label">Added</span><ins>${escapeText(block.text)}</ins></div>`;
        case 'removed':
          return `<div class="diff-block removed"><span class="diff-label">Removed</span><del>${escapeText(block.text)}</del></div>`;
        case 'moved':
          return `<div class="diff-block moved"><span class="diff-label">${block.direction === 'from' ? 'Moved from here' : 'Moved here'}</span>${escapeText(block.text)}</div>`;
        case 'changed':
          return `<div class="diff-block changed"><span class="diff-label">Changed</span>${block.words
            .map((w) =>
              w.added
                ? `<ins>${escapeText(w.value)}</ins>`
                : w.removed
                  ? `<del>${escapeText(w.value)}</del>`
                  : escapeText(w.value),
            )
            .join('')}</div>`;
      }
    })
    .join('\n');
  const s = diff.summary;
  const body = `${siteHeader(series, base)}
<main>
<p class="kicker">Part ${installment.number} · Version ${diff.to}</p>
<h1>What changed in ${escapeText(version.title)}</h1>
<p class="meta">Since version ${diff.from}: ${s.changed} changed, ${s.added} added, ${s.removed} removed, ${s.moved} moved. <a href="${escapeAttr(`${partUrl}/v/${diff.to}`)}">Read version ${diff.to}</a>${version.note ? ` · ${escapeText(version.note)}` : ''}</p>
<article>
${blocks}
</article>
</main>
${footer(series, base)}`;
  return layout(
    {
      title: `Changes in version ${diff.to} · ${version.title}`,
      description: `What changed in ${version.title} since version ${diff.from}.`,
      canonical: `${partUrl}/v/${diff.to}/changes`,
      siteName: series.title,
      feedUrl: `${seriesUrl(base, series.slug)}/feed.xml`,
      type: 'article',
    },
    body,
  );
}
