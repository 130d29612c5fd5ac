import { Link, useNavigate, useParams } from 'react-router';
import type { ShareLinkPreview } from '@baton/shared/members.ts';
import { api } from '../api/endpoints.ts';
import type { ApiError } from '../api/http.ts';
import { useResource } from '../api/useResource.ts';
import { useSession } from '../auth/authClient.ts';
import { withNext } from '../auth/returnTo.ts';
import { Loading } from '../components/Loading.tsx';
import { formatExpiry } from '../lib/format.ts';
import { describeRole, withArticle } from '../lib/roleText.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { noFieldErrors, useSubmit } from '../lib/useSubmit.ts';
import { AuthLayout } from './AuthLayout.tsx';

/** `/join/:token`: what a share link grants, then sign in (or up) and join. Works signed out. */
export function JoinPage() {
  const { token = '' } = useParams();
  const { state, reload } = useResource(`link:${token}`, (signal) =>
    api.previewShareLink(token, signal),
  );
  useDocumentTitle(state.status === 'ready' ? `Join ${state.data.seriesTitle}` : 'Join a series');

  if (state.status === 'loading')
    return (
      <AuthLayout title="Join a series" intro="Checking the link…">
        <Loading label="Checking the link…" />
      </AuthLayout>
    );
  if (state.status === 'error') return <BrokenLink error={state.error} onRetry={reload} />;
  return <JoinCard token={token} preview={state.data} />;
}

function JoinCard({ token, preview }: { token: string; preview: ShareLinkPreview }) {
  const session = useSession();
  const navigate = useNavigate();
  const { busy, error, run } = useSubmit();
  const here = `/join/${encodeURIComponent(token)}`;
  const user = session.data?.user;

  async function join() {
    const joined = await run(() => api.acceptShareLink(token), noFieldErrors);
    if (joined) {
      navigate(`/series/${encodeURIComponent(joined.value.seriesId)}`, { replace: true });
    }
  }

  if (error && (error.status === 404 || error.status === 410)) return <BrokenLink error={error} />;

  return (
    <AuthLayout
      title={`Join “${preview.seriesTitle}” as ${withArticle(preview.role)}`}
      intro={
        preview.expiresAt
          ? `${describeRole(preview.role)} This link ${formatExpiry(preview.expiresAt).toLowerCase()}.`
          : describeRole(preview.role)
      }
    >
      {error && (
        <div className="alert alert--error" role="alert">
          {error.status === 0
            ? 'Could not reach the server. Check your connection and try again.'
            : error.message}
        </div>
      )}
      {session.isPending ? (
        <Loading label="Checking your session…" />
      ) : user ? (
        <div className="join">
          <button
            type="button"
            className="button button--primary button--block"
            onClick={join}
            disabled={busy}
          >
            {busy ? 'Joining…' : 'Join series'}
          </button>
          <p className="auth__switch">
            Signed in as <strong>{user.email}</strong>. <Link to="/">Not now</Link>
          </p>
        </div>
      ) : (
        <div className="join">
          <p className="join__text">
            Sign in or create an account to join. You come back here after.
          </p>
          <Link to={withNext('/sign-in', here)} className="button button--primary button--block">
            Sign in
          </Link>
          <Link to={withNext('/sign-up', here)} className="button button--block">
            Create an account
          </Link>
        </div>
      )}
    </AuthLayout>
  );
}

function BrokenLink({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const expired = error.status === 410 || error.code === 'link_expired';
  const gone = error.status === 404;
  const title = expired
    ? 'This link has expired'
    : gone
      ? 'This link does not work'
      : 'Could not open this link';
  const intro = expired
    ? 'Ask the person who shared it for a new one.'
    : gone
      ? 'It was revoked, or it is incomplete. Ask the person who shared it for a new one.'
      : error.status === 0
        ? 'The server could not be reached. Check your connection.'
        : 'The server had a problem. Try again in a moment.';
  return (
    <AuthLayout title={title} intro={intro}>
      <div className="form__actions form__actions--center">
        {!expired && !gone && onRetry && (
          <button type="button" className="button button--primary" onClick={onRetry}>
            Try again
          </button>
        )}
        <Link to="/" className="button">
          Go to Baton
        </Link>
      </div>
    </AuthLayout>
  );
}
