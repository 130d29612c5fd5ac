/** Row types of Baton's own tables, for Kysely. (better-auth owns `user`, `session`, …) */
import type { Generated } from 'kysely';
import type { LinkRole } from '@baton/shared/members.ts';
import type { Role } from '@baton/shared/roles.ts';
import type { WebhookDeliveryStatus, WebhookDeliveryType } from '@baton/shared/webhooks.ts';

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
  /** Stable (reader URLs): never changes, never reused within the series. */
  number: number;
  /** Reading order within the series, apart from the number. */
  position: number;
  title: string;
  created_at: string;
  updated_at: string;
  /** Deleted: its draft is gone, its versions stay (withdrawn from readers). */
  deleted_at: string | null;
  deleted_by: string | null;
}

/** The latest canonical content of an installment's draft, so reading never needs Yjs. */
export interface InstallmentContentTable {
  installment_id: string;
  prosemirror_json: string;
  plain_text: string;
  word_count: number;
  updated_at: string;
}

export interface CommentThreadTable {
  id: string;
  installment_id: string;
  /** base64 of Y.encodeRelativePosition */
  anchor_start: string;
  anchor_end: string;
  quote: string;
  author_id: string;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

export interface CommentMessageTable {
  id: string;
  thread_id: string;
  author_id: string;
  body: string;
  created_at: string;
  edited_at: string | null;
  /** Soft delete: the thread shows "message deleted". */
  deleted_at: string | null;
}

/** Live events per installment, kept for a while so streams can resume (Last-Event-ID). */
export interface InstallmentEventTable {
  id: Generated<number>;
  installment_id: string;
  type: string;
  /** JSON */
  data: string;
  created_at: string;
}

/** An immutable published version (a trigger refuses updates). */
export interface InstallmentVersionTable {
  id: string;
  installment_id: string;
  number: number;
  title: string;
  prosemirror_json: string;
  html: string;
  markdown: string;
  yjs_state: Uint8Array;
  word_count: number;
  content_hash: string;
  published_by: string;
  published_at: string;
  note: string;
}

/** A version taken down from readers. A row of its own: versions never change. */
export interface VersionWithdrawalTable {
  version_id: string;
  withdrawn_at: string;
  withdrawn_by: string;
}

/** A series' webhook: where to send which events, signed with its secret. */
export interface WebhookTable {
  id: string;
  series_id: string;
  url: string;
  /** JSON array of WebhookEventType */
  events: string;
  description: string;
  /** The HMAC key; needed in clear to sign, so it is stored as it is. */
  secret: string;
  /** 1 or 0 (portable across SQLite and PostgreSQL). */
  enabled: number;
  created_by: string;
  created_at: string;
}

/** One event for one hook: the body is fixed when queued; attempts are counted until it lands or expires. */
export interface WebhookDeliveryTable {
  id: string;
  webhook_id: string;
  type: WebhookDeliveryType;
  /** The exact JSON body sent on every attempt. */
  payload: string;
  /** An attempt in flight is still `pending` here; the API calls it `sending`. */
  status: Exclude<WebhookDeliveryStatus, 'sending'>;
  attempts: number;
  /** While pending: when the next attempt is due, or until when an attempt in flight holds it. */
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
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
  comment_thread: CommentThreadTable;
  comment_message: CommentMessageTable;
  installment_event: InstallmentEventTable;
  installment_version: InstallmentVersionTable;
  version_withdrawal: VersionWithdrawalTable;
  webhook: WebhookTable;
  webhook_delivery: WebhookDeliveryTable;
  user: UserTable;
}
