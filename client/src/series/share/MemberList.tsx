import { useId, useState } from 'react';
import type { Member } from '@baton/shared/members.ts';
import { can, roles, type Role } from '@baton/shared/roles.ts';
import { api } from '../../api/endpoints.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { RoleBadge } from '../../components/RoleBadge.tsx';
import { roleLabel } from '../../lib/roleText.ts';
import { noFieldErrors, useSubmit } from '../../lib/useSubmit.ts';
import { membershipErrorMessage } from './membershipErrors.ts';

interface Props {
  seriesId: string;
  members: Member[];
  myUserId: string;
  canManage: boolean;
  onChanged: (member: Member) => void;
  onRemoved: (userId: string) => void;
  onLeft: () => void;
}

const LAST_OWNER_REASON = 'A series needs at least one owner. Make someone else an owner first.';

/** Who has access: role selects and Remove for those who manage members, Leave for yourself. */
export function MemberList({
  seriesId,
  members,
  myUserId,
  canManage,
  onChanged,
  onRemoved,
  onLeft,
}: Props) {
  const managers = members.filter((m) => can(m.role, 'manageMembers'));
  return (
    <ul className="people" aria-label="People with access">
      {members.map((member) => (
        <MemberRow
          key={member.userId}
          seriesId={seriesId}
          member={member}
          isSelf={member.userId === myUserId}
          canManage={canManage}
          isLastOwner={managers.length === 1 && managers[0]?.userId === member.userId}
          onChanged={onChanged}
          onRemoved={onRemoved}
          onLeft={onLeft}
        />
      ))}
    </ul>
  );
}

interface RowProps extends Omit<Props, 'members' | 'myUserId'> {
  member: Member;
  isSelf: boolean;
  isLastOwner: boolean;
}

function MemberRow({
  seriesId,
  member,
  isSelf,
  canManage,
  isLastOwner,
  onChanged,
  onRemoved,
  onLeft,
}: RowProps) {
  const { busy, error, run } = useSubmit();
  // What the last attempt was, for its error message.
  const [attempt, setAttempt] = useState('change the role');
  const name = member.name || member.email;
  const errorId = useId();

  async function changeRole(role: Role) {
    setAttempt('change the role');
    const changed = await run(
      () => api.changeRole(seriesId, member.userId, { role }),
      noFieldErrors,
    );
    if (changed) onChanged(changed.value);
  }

  async function remove() {
    setAttempt(isSelf ? 'leave the series' : 'remove them');
    if (!(await run(() => api.removeMember(seriesId, member.userId), noFieldErrors))) return;
    if (isSelf) onLeft();
    else onRemoved(member.userId);
  }

  const roleControl = canManage ? (
    <span title={isLastOwner ? LAST_OWNER_REASON : undefined} className="people__role">
      <select
        className="input input--small"
        value={member.role}
        onChange={(e) => void changeRole(e.target.value as Role)}
        disabled={busy || isLastOwner}
        aria-label={`Role of ${name}`}
        aria-describedby={error ? errorId : undefined}
      >
        {roles.map((role) => (
          <option key={role} value={role}>
            {roleLabel(role)}
          </option>
        ))}
      </select>
    </span>
  ) : (
    <RoleBadge role={member.role} />
  );

  return (
    <li className="people__row" data-testid="member" data-user-id={member.userId}>
      <div className="people__who">
        <span className="people__name">
          {name}
          {isSelf && <span className="people__you"> (you)</span>}
        </span>
        <span className="people__meta">
          {member.name && member.email}
          {member.viaLinkId && <span className="people__via"> · joined with a link</span>}
        </span>
      </div>
      <div className="people__actions">
        {roleControl}
        {isSelf ? (
          <ConfirmAction
            label="Leave series"
            question="Leave? You lose access."
            confirmLabel="Leave"
            busyLabel="Leaving…"
            onConfirm={remove}
            disabled={isLastOwner}
            disabledReason={LAST_OWNER_REASON}
          />
        ) : (
          canManage && (
            <ConfirmAction
              label="Remove"
              ariaLabel={`Remove ${name}`}
              question={`Remove ${name}?`}
              confirmLabel="Remove"
              busyLabel="Removing…"
              onConfirm={remove}
              disabled={isLastOwner}
              disabledReason={LAST_OWNER_REASON}
            />
          )
        )}
      </div>
      {isLastOwner && canManage && isSelf && (
        <p className="people__note">
          You are the only owner, so you cannot leave or change your role.
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error people__error" role="alert">
          {membershipErrorMessage(error, attempt)}
        </p>
      )}
    </li>
  );
}
