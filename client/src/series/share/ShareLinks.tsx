import { useId, useState, type FormEvent } from 'react';
import {
  createShareLinkInput,
  linkRoles,
  type LinkRole,
  type ShareLink,
} from '@baton/shared/members.ts';
import { api } from '../../api/endpoints.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { RoleBadge } from '../../components/RoleBadge.tsx';
import { formatExpiry, formatUpdated } from '../../lib/format.ts';
import { roleLabel, withArticle } from '../../lib/roleText.ts';
import { noFieldErrors, useSubmit } from '../../lib/useSubmit.ts';
import { membershipErrorMessage } from './membershipErrors.ts';

interface Props {
  seriesId: string;
  links: ShareLink[];
  onCreated: (link: ShareLink) => void;
  /** The link is gone, and so are the members who joined with it. */
  onRevoked: (linkId: string) => void;
}

const expiryChoices = [
  { days: null, label: 'Never' },
  { days: 1, label: '1 day' },
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
] as const;

/** Links that let anyone who opens them join with a role; copy and revoke each. */
export function ShareLinks({ seriesId, links, onCreated, onRevoked }: Props) {
  return (
    <>
      <NewLinkForm seriesId={seriesId} onCreated={onCreated} />
      {links.length > 0 && (
        <ul className="links" aria-label="Share links">
          {links.map((link) => (
            <LinkRow key={link.id} seriesId={seriesId} link={link} onRevoked={onRevoked} />
          ))}
        </ul>
      )}
    </>
  );
}

function NewLinkForm({ seriesId, onCreated }: Pick<Props, 'seriesId' | 'onCreated'>) {
  const [role, setRole] = useState<LinkRole>('viewer');
  const [expiry, setExpiry] = useState('7');
  const { busy, error, fields, validate, run } = useSubmit();
  const roleId = useId();
  const expiryId = useId();
  const errorId = useId();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const days = expiry === 'never' ? null : Number(expiry);
    const input = validate(createShareLinkInput, {
      role,
      ...(days === null
        ? {}
        : { expiresAt: new Date(Date.now() + days * 86_400_000).toISOString() }),
    });
    if (!input) return;
    const created = await run(() => api.createShareLink(seriesId, input), noFieldErrors);
    if (created) onCreated(created.value);
  }
  const message = error
    ? membershipErrorMessage(error, 'create the link')
    : (Object.values(fields)[0] ?? null);

  return (
    <form className="link-form" onSubmit={onSubmit} noValidate aria-label="Create a share link">
      <div className="field">
        <label htmlFor={roleId} className="field__label">
          Joins as
        </label>
        <select
          id={roleId}
          className="input"
          value={role}
          onChange={(e) => setRole(e.target.value as LinkRole)}
        >
          {linkRoles.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={expiryId} className="field__label">
          Expires after
        </label>
        <select
          id={expiryId}
          className="input"
          value={expiry}
          onChange={(e) => setExpiry(e.target.value)}
        >
          {expiryChoices.map((choice) => (
            <option key={choice.label} value={choice.days === null ? 'never' : String(choice.days)}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="button"
        disabled={busy}
        aria-describedby={message ? errorId : undefined}
      >
        {busy ? 'Creating…' : 'Create link'}
      </button>
      {message && (
        <p id={errorId} className="field__error link-form__error" role="alert">
          {message}
        </p>
      )}
    </form>
  );
}

function LinkRow({
  seriesId,
  link,
  onRevoked,
}: Pick<Props, 'seriesId' | 'onRevoked'> & { link: ShareLink }) {
  const { error, run } = useSubmit();

  async function revoke() {
    if (await run(() => api.revokeShareLink(seriesId, link.id), noFieldErrors)) onRevoked(link.id);
  }

  return (
    <li className="links__row" data-testid="share-link">
      <div className="links__meta">
        <RoleBadge role={link.role} />
        <span>{formatExpiry(link.expiresAt)}</span>
        <span className="links__created">Created {formatUpdated(link.createdAt)}</span>
      </div>
      <div className="links__body">
        <CopyField
          value={link.url}
          label={`Link that joins as ${withArticle(link.role)}`}
          buttonLabel="Copy link"
        />
        <ConfirmAction
          label="Revoke"
          ariaLabel={`Revoke the ${link.role} link`}
          question="Revoke? People who joined with this link lose access."
          confirmLabel="Revoke"
          busyLabel="Revoking…"
          onConfirm={revoke}
        />
      </div>
      {error && (
        <p className="field__error" role="alert">
          {membershipErrorMessage(error, 'revoke the link')}
        </p>
      )}
    </li>
  );
}
