/** Small display helpers for numbers and dates. */

const numberFormat = new Intl.NumberFormat();
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** "1 word", "1,234 words". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${numberFormat.format(count)} ${count === 1 ? one : many}`;
}

/** "just now", "5 minutes ago", "yesterday", then a date. */
export function formatUpdated(iso: string, now = Date.now()): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const seconds = Math.round((time - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return relative.format(Math.round(seconds / 86_400), 'day');
  return dateFormat.format(time);
}

/** "Part 3". */
export function partLabel(n: number): string {
  return `Part ${n}`;
}

/** "Never expires", "Expires in 3 days", "Expired". */
export function formatExpiry(iso: string | null, now = Date.now()): string {
  if (iso === null) return 'Never expires';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  if (time <= now) return 'Expired';
  const days = Math.round((time - now) / 86_400_000);
  if (days >= 1 && days <= 60) return `Expires ${relative.format(days, 'day')}`;
  if (days < 1)
    return `Expires ${relative.format(Math.max(1, Math.round((time - now) / 3_600_000)), 'hour')}`;
  return `Expires ${dateFormat.format(time)}`;
}
