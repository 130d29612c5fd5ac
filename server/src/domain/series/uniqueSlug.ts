import { limits } from '@baton/shared/limits.ts';
import { slugify } from '@baton/shared/slug.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** The slug derived from `title`, suffixed -2, -3… until no other series uses it. */
export async function uniqueSlugFor(db: Kysely<Database>, title: string): Promise<string> {
  const base = slugify(title);
  const taken = new Set(
    (
      await db
        .selectFrom('series')
        .select('slug')
        .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
        .execute()
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = base.slice(0, limits.slugMax - suffix.length).replace(/-+$/, '') + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}
