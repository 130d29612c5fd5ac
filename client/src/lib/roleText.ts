/** Roles in words, derived from the shared capability table (never from role names). */
import { can, capabilities, type Capability, type Role } from '@baton/shared/roles.ts';

const capabilityPhrase: Record<Capability, string> = {
  read: 'read',
  comment: 'comment',
  suggest: 'suggest changes',
  edit: 'edit',
  publish: 'publish',
  manageSeries: 'change settings',
  manageMembers: 'manage members',
  deleteInstallment: 'delete installments',
  deleteSeries: 'delete the series',
  manageWebhooks: 'manage webhooks',
};

/** "Owner", "Viewer". */
export function roleLabel(role: Role): string {
  return role.charAt(0).toUpperCase() + role.slice(1);
}

/** "an editor", "a viewer". */
export function withArticle(role: Role): string {
  return `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;
}

/** "Can read, comment, edit and publish." */
export function describeRole(role: Role): string {
  const phrases = capabilities.filter((c) => can(role, c)).map((c) => capabilityPhrase[c]);
  if (phrases.length === 0) return 'Has no access.';
  const last = phrases.pop();
  return `Can ${phrases.length ? `${phrases.join(', ')} and ${last}` : last}.`;
}
