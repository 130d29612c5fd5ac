/** How versions read in the panel. */
import type { VersionSummary } from '@baton/shared/publish.ts';
import { plural } from '../lib/format.ts';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "12 May 2026, 14:03", or '' for an unreadable date. */
export function formatPublishedAt(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : dateTime.format(time);
}

/** "Ann Writer · 1,234 words". */
export function versionByline(version: VersionSummary): string {
  return `${version.publishedBy.name || 'Someone'} · ${plural(version.wordCount, 'word')}`;
}
