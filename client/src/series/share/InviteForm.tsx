import { useId, useState, type FormEvent } from 'react';
import { inviteMemberInput, type InviteResult } from '@baton/shared/members.ts';
import { roles, type Role } from '@baton/shared/roles.ts';
import { api } from '../../api/endpoints.ts';
import { toApiError } from '../../api/useResource.ts';
import { TextField } from '../../components/Field.tsx';
import {
  fieldErrorsFromIssues,
  fieldErrorsFromServer,
  type FieldErrors,
} from '../../lib/formErrors.ts';
import { roleLabel, withArticle } from '../../lib/roleText.ts';
import { membershipErrorMessage } from './membershipErrors.ts';

interface Props {
  seriesId: string;
  onInvited: (result: InviteResult) => void;
}

/** Invite by email with a role: an existing account joins at once, anyone else on sign-up. */
export function InviteForm({ seriesId, onInvited }: Props) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [fields, setFields] = useState<FieldErrors>({});
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const roleId = useId();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const parsed = inviteMemberInput.safeParse({ email, role });
    if (!parsed.success) return setFields(fieldErrorsFromIssues(parsed.error.issues));
    setFields({});
    setBusy(true);
    try {
      const result = await api.inviteMember(seriesId, parsed.data);
      onInvited(result);
      setEmail('');
      setDone(
        result.kind === 'member'
          ? `${result.member.name || result.member.email} is now ${withArticle(result.member.role)}.`
          : `Invitation saved: ${result.invitation.email} joins as ${withArticle(result.invitation.role)} on signing up with this email.`,
      );
    } catch (e) {
      const error = toApiError(e);
      if (error.code === 'validation_failed') setFields(fieldErrorsFromServer(error.fields));
      else setFields({ email: membershipErrorMessage(error, 'invite them') });
    } finally {
      setBusy(false);
    }
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
