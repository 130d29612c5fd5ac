import { limits } from './limits.ts';

/** Pattern of a series slug: lowercase ASCII words joined by single hyphens. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Derives a URL slug from a title: "Taking the Baton, Part I" → "taking-the-baton-part-i". */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, limits.slugMax)
    .replace(/-+$/g, '');
  return slug || 'series';
}
