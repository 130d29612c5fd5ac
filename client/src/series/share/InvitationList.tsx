import type { Invitation } from '@baton/shared/members.ts';
import { api } from '../../api/endpoints.ts';
import { RoleBadge } from '../../components/RoleBadge.tsx';
import { formatUpdated } from '../../lib/format.ts';
import { noFieldErrors, useSubmit } from '../../lib/useSubmit.ts';
import { membershipErrorMessage } from './membershipErrors.ts';

interface Props {
  seriesId: string;
  invitations: Invitation[];
  onWithdrawn: (invitationId: string) => void;
}

/** Invitations waiting for someone to sign up with the invited email. */
export function InvitationList({ seriesId, invitations, onWithdrawn }: Props) {
  return (
    <ul className="people" aria-label="Pending invitations">
      {invitations.map((invitation) => (
        <InvitationRow
          key={invitation.id}
          seriesId={seriesId}
          invitation={invitation}
          onWithdrawn={onWithdrawn}
        />
      ))}
    </ul>
  );
}

function InvitationRow({
  seriesId,
  invitation,
  onWithdrawn,
}: Omit<Props, 'invitations'> & { invitation: Invitation }) {
  const { busy, error, run } = useSubmit();

  async function withdraw() {
    const withdrawn = await run(
      () => api.withdrawInvitation(seriesId, invitation.id),
      noFieldErrors,
    );
    if (withdrawn) onWithdrawn(invitation.id);
  }

  return (
    <li className="people__row" data-testid="invitation">
      <div className="people__who">
        <span className="people__name">{invitation.email}</span>
        <span className="people__meta">Invited {formatUpdated(invitation.createdAt)}</span>
      </div>
      <div className="people__actions">
        <RoleBadge role={invitation.role} />
        <button
          type="button"
          className="button button--small"
          onClick={withdraw}
          disabled={busy}
          aria-label={`Withdraw the invitation to ${invitation.email}`}
        >
          {busy ? 'Withdrawing…' : 'Withdraw'}
        </button>
      </div>
      {error && (
        <p className="field__error people__error" role="alert">
          {membershipErrorMessage(error, 'withdraw the invitation')}
        </p>
      )}
    </li>
  );
}
