import { Link } from 'react-router';
import { can, type Role } from '@baton/shared/roles.ts';

interface Props {
  role: Role;
  /** The server refused you on the latest re-check (removed, or the series is gone). */
  lostAccess: boolean;
  /** …because the installment was deleted. */
  deleted?: boolean;
  /** The live connection is read-only although your role allows editing (changing right now). */
  connectionReadOnly: boolean;
}

/** Why the text cannot be edited, in words; nothing when it can. */
export function AccessBanner({ role, lostAccess, deleted = false, connectionReadOnly }: Props) {
  if (lostAccess && deleted) {
    return (
      <div className="access-banner access-banner--lost" role="alert" data-testid="access-banner">
        <p>
          <strong>This installment was deleted.</strong> The text below is the last version you
          received; it is no longer saved.
        </p>
        <Link to="/">Back to your series</Link>
      </div>
    );
  }
  if (lostAccess) {
    return (
      <div className="access-banner access-banner--lost" role="alert" data-testid="access-banner">
        <p>
          <strong>You no longer have access to this series.</strong> The text below is the last
          version you received.
        </p>
        <Link to="/">Back to your series</Link>
      </div>
    );
  }
  if (!can(role, 'edit') && can(role, 'suggest')) {
    return (
      <div className="access-banner" role="status" data-testid="access-banner">
        <p>
          You can comment and suggest changes to the text, its formatting, paragraphs and headings;
          owners and editors accept or reject them. Ask an owner for edit access to add lists,
          quotes or code blocks.
        </p>
      </div>
    );
  }
  if (!can(role, 'edit')) {
    return (
      <div className="access-banner" role="status" data-testid="access-banner">
        <p>
          {can(role, 'comment')
            ? 'You can read and comment on this installment.'
            : 'You can read this installment.'}{' '}
          Ask an owner for edit access.
        </p>
      </div>
    );
  }
  if (connectionReadOnly) {
    return (
      <div className="access-banner" role="status" data-testid="access-banner">
        <p>The server made this connection read-only. Checking your access…</p>
      </div>
    );
  }
  return null;
}
