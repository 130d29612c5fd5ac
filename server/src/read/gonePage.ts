/**
 * The reader's 410 page: something readers had (a part, a version) was taken
 * down on purpose. It says so in words and leads back to what is still there.
 */
import { escapeAttr, escapeText } from '../render/escape.ts';
import { layout } from './layout.ts';

export interface GonePageInput {
  base: string;
  series: { slug: string; title: string };
  /** The series page still lists something (a link to it leads somewhere). */
  seriesIsPublic: boolean;
  /** Part n itself (deleted, or every version withdrawn), or one of its versions. */
  what: { kind: 'part'; number: number } | { kind: 'version'; number: number; version: number };
  /** Where the part can still be read, when only one of its versions was withdrawn. */
  currentPartUrl?: string;
}

export function gonePage(input: GonePageInput): string {
  const seriesUrl = `${input.base}/read/${input.series.slug}`;
  const { what } = input;
  const heading =
    what.kind === 'part'
      ? `Part ${what.number} is no longer available`
      : `Version ${what.version} of part ${what.number} was withdrawn`;
  const explanation =
    what.kind === 'part'
      ? 'The authors took this part down. It is not coming back at this address.'
      : 'The authors withdrew this version. It is not coming back at this address.';
  const links = [
    input.currentPartUrl
      ? `<a href="${escapeAttr(input.currentPartUrl)}">Read the current version of part ${what.number}</a>`
      : '',
    input.seriesIsPublic
      ? `<a href="${escapeAttr(seriesUrl)}">Back to ${escapeText(input.series.title)}</a>`
      : '',
  ].filter(Boolean);
  const header = input.seriesIsPublic
    ? `<header class="site"><a href="${escapeAttr(seriesUrl)}">${escapeText(input.series.title)}</a></header>`
    : `<header class="site"><span>${escapeText(input.series.title)}</span></header>`;
  const body = `${header}
<main>
<p class="kicker">Gone</p>
<h1>${escapeText(heading)}</h1>
<p>${explanation}</p>
${links.length > 0 ? `<p>${links.join(' · ')}</p>` : '<p>Nothing else is published in this series right now.</p>'}
</main>`;
  return layout(
    {
      title: `${heading} · ${input.series.title}`,
      description: explanation,
      canonical: seriesUrl,
      siteName: input.series.title,
      feedUrl: `${seriesUrl}/feed.xml`,
      type: 'website',
    },
    body,
  );
}
