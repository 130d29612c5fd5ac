import type { Role } from '@baton/shared/roles.ts';
import { describeRole, roleLabel } from '../lib/roleText.ts';

/** Your role in a series, with what it allows in its tooltip. */
export function RoleBadge({ role, you = false }: { role: Role; you?: boolean }) {
  return (
    <span
      className={`role role--${role}`}
      title={`${you ? 'Your role: ' : ''}${roleLabel(role)}. ${describeRole(role)}`}
      data-testid={you ? 'my-role' : undefined}
      data-role={role}
    >
      {roleLabel(role)}
    </span>
  );
}
