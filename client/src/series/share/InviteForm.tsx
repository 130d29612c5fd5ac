import { useId, useState, type FormEvent } from 'react';
import { inviteMemberInput, type InviteResult } from '@baton/shared/members.ts';
import { roles, type Role } from '@baton/shared/roles.ts';
import { api } from '../../api/endpoints.ts';
import { TextField } from '../../components/Field.tsx';
import { roleLabel, withArticle } from '../../lib/roleText.ts';
import { serverFieldErrors, useSubmit, type FieldsOf } from '../../lib/useSubmit.ts';
import { membershipErrorMessage } from './membershipErrors.ts';

/** Every refusal shows at the email field: it is about whom you invited. */
const atEmail: FieldsOf = (error) =>
  serverFieldErrors(error) ?? { email: membershipErrorMessage(error, 'invite them') };

interface Props {
  seriesId: string;
  onInvited: (result: InviteResult) => void;
}

/** Invite by email with a role: an existing account joins at once, anyone else on sign-up. */
export function InviteForm({ seriesId, onInvited }: Props) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [done, setDone] = useState<string | null>(null);
  const { busy, fields, validate, run } = useSubmit();
  const roleId = useId();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const input = validate(inviteMemberInput, { email, role });
    if (!input) return;
    const invited = await run(() => api.inviteMember(seriesId, input), atEmail);
    if (!invited) return;
    const result = invited.value;
    onInvited(result);
    setEmail('');
    setDone(
      result.kind === 'member'
        ? `${result.member.name || result.member.email} is now ${withArticle(result.member.role)}.`
        : `Invitation saved: ${result.invitation.email} joins as ${withArticle(result.invitation.role)} on signing up with this email.`,
    );
  }

  return (
    <form className="invite-form" onSubmit={onSubmit} noValidate>
      <div className="invite-form__row">
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          placeholder="name@example.com"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email}
        />
        <div className="field invite-form__role">
          <label htmlFor={roleId} className="field__label">
            Role
          </label>
          <select
            id={roleId}
            className="input"
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
          {fields.role && <p className="field__error">{fields.role}</p>}
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Inviting…' : 'Invite'}
        </button>
      </div>
      <p className="field__hint">
        People with an account get access at once; anyone else when they sign up with this email.
        Baton sends no email, so let them know.
      </p>
      <p className="invite-form__done" role="status">
        {done}
      </p>
    </form>
  );
}
