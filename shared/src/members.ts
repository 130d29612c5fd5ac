/**
 * The membership contract: members, pending invitations, share links and
 * joining through a link. Requests are zod schemas; responses are types.
 */
import { z } from 'zod';
import { limits } from './limits.ts';
import { type Role, roles } from './roles.ts';

const role = z.enum(roles, { error: `must be one of ${roles.join(', ')}` });

/** Roles a share link may grant: never `owner`. */
export const linkRoles = ['editor', 'commenter', 'viewer'] as const satisfies readonly Role[];
export type LinkRole = (typeof linkRoles)[number];

export const inviteMemberInput = z.strictObject({
  email: z.email({ error: 'must be an email address' }).trim().toLowerCase().max(limits.emailMax),
  role,
});
export type InviteMemberInput = z.infer<typeof inviteMemberInput>;

export const changeRoleInput = z.strictObject({ role });
export type ChangeRoleInput = z.infer<typeof changeRoleInput>;

export const createShareLinkInput = z.strictObject({
  role: z.enum(linkRoles, { error: `must be one of ${linkRoles.join(', ')}` }),
  /** ISO-8601 date-time in the future; omitted → the link does not expire. */
  expiresAt: z.iso
    .datetime({ offset: true, error: 'must be an ISO-8601 date-time' })
    .refine((value) => Date.parse(value) > Date.now(), { error: 'must be in the future' })
    .optional(),
});
export type CreateShareLinkInput = z.infer<typeof createShareLinkInput>;

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: string;
  /** Set when the member joined through a share link that still governs their access. */
  viaLinkId: string | null;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  invitedBy: string;
  createdAt: string;
}

export interface ShareLink {
  id: string;
  role: LinkRole;
  /** The URL to share; opening it (signed in) joins the series with `role`. */
  url: string;
  createdAt: string;
  expiresAt: string | null;
}

/** `GET /api/series/:id/members`. Invitations and links only for those who manage members. */
export interface MembersResponse {
  members: Member[];
  invitations: Invitation[];
  links: ShareLink[];
  /** The caller's own role, to decide what to show. */
  role: Role;
}

/** `POST /api/series/:id/members`: an existing account joins at once, otherwise an invitation waits. */
export type InviteResult =
  { kind: 'member'; member: Member } | { kind: 'invitation'; invitation: Invitation };

/** `GET /api/links/:token` (public): what opening the link would do. */
export interface ShareLinkPreview {
  seriesTitle: string;
  role: LinkRole;
  expiresAt: string | null;
}

/** `POST /api/links/:token/accept`. */
export interface JoinResult {
  seriesId: string;
  role: Role;
}
