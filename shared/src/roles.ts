/**
 * Roles and what each may do: the one table every surface consults through `can`.
 * Nothing else compares role names.
 */
export const roles = ['owner', 'editor', 'commenter', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const capabilities = [
  'read',
  'comment',
  /** Write suggestions (track changes) into a draft; `edit` includes it. */
  'suggest',
  'edit',
  'publish',
  'manageSeries',
  'manageMembers',
  'deleteInstallment',
  'deleteSeries',
  'manageWebhooks',
] as const;
export type Capability = (typeof capabilities)[number];

const capabilityTable: Record<Role, ReadonlySet<Capability>> = {
  owner: new Set(capabilities),
  editor: new Set(['read', 'comment', 'suggest', 'edit', 'publish']),
  commenter: new Set(['read', 'comment', 'suggest']),
  viewer: new Set(['read']),
};

/** Whether `role` grants `capability`. A missing role (not a member) grants nothing. */
export function can(role: Role | null | undefined, capability: Capability): boolean {
  return role != null && capabilityTable[role].has(capability);
}

/** Roles that grant `capability`, e.g. the roles that keep a series managed. */
export function rolesWith(capability: Capability): Role[] {
  return roles.filter((role) => can(role, capability));
}

/** Whether `a` grants more than `b` (roles are ordered owner > editor > commenter > viewer). */
export function outranks(a: Role, b: Role): boolean {
  return roles.indexOf(a) < roles.indexOf(b);
}
