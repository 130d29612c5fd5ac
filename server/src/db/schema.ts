/** Row types of Baton's own tables, for Kysely. (better-auth owns `user`, `session`, …) */
import type { Role } from '@baton/shared/roles.ts';

export interface SeriesTable {
  id: string;
  slug: string;
  title: string;
  description: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface SeriesMemberTable {
  series_id: string;
  user_id: string;
  role: Role;
  created_at: string;
}

export interface InstallmentTable {
  id: string;
  series_id: string;
  number: number;
  title: string;
  created_at: string;
  updated_at: string;
}

/** The latest canonical content of an installment's draft, so reading never needs Yjs. */
export interface InstallmentContentTable {
  installment_id: string;
  prosemirror_json: string;
  plain_text: string;
  word_count: number;
  updated_at: string;
}

/** better-auth's user table, as far as Baton reads it. */
export interface UserTable {
  id: string;
  name: string;
  email: string;
}

export interface Database {
  series: SeriesTable;
  series_member: SeriesMemberTable;
  installment: InstallmentTable;
  installment_content: InstallmentContentTable;
  user: UserTable;
}
