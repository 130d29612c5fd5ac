/** Row types of Baton's own tables, for Kysely. (better-auth owns `user`, `session`, …) */
import type { LinkRole } from '@baton/shared/members.ts';
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
  /** The share link the member joined through, until an owner sets their role explicitly. */
  via_link_id: string | null;
}

export interface SeriesInvitationTable {
  id: string;
  series_id: string;
  /** Lowercased. */
  email: string;
  role: Role;
  invited_by: string;
  created_at: string;
}

export interface ShareLinkTable {
  id: string;
  series_id: string;
  /** The secret part of the link's URL. */
  token: string;
  role: LinkRole;
  created_by: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
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

/** The document update log (written by the DocStore with its own statements). */
export interface DocUpdateTable {
  id: number;
  doc_name: string;
  data: Uint8Array;
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
  series_invitation: SeriesInvitationTable;
  share_link: ShareLinkTable;
  installment: InstallmentTable;
  installment_content: InstallmentContentTable;
  doc_update: DocUpdateTable;
  user: UserTable;
}
