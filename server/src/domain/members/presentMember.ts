import type { Invitation, LinkRole, Member, ShareLink } from '@baton/shared/members.ts';
import type { Role } from '@baton/shared/roles.ts';

export function presentMember(row: {
  user_id: string;
  name: string;
  email: string;
  role: Role;
  created_at: string;
  via_link_id: string | null;
}): Member {
  return {
    userId: row.user_id,
    name: row.name,
    email: row.email,
    role: row.role,
    joinedAt: row.created_at,
    viaLinkId: row.via_link_id,
  };
}

export function presentInvitation(row: {
  id: string;
  email: string;
  role: Role;
  invited_by: string;
  created_at: string;
}): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: row.invited_by,
    createdAt: row.created_at,
  };
}

export function presentShareLink(
  row: { id: string; token: string; role: LinkRole; created_at: string; expires_at: string | null },
  publicUrl: string,
): ShareLink {
  return {
    id: row.id,
    role: row.role,
    url: `${publicUrl}/join/${row.token}`,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}
