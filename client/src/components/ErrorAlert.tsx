import { Link, useLocation } from 'react-router';
import type { ApiError } from '../api/http.ts';
import { signInPath } from '../auth/returnTo.ts';

interface Props {
  error: ApiError;
  /** What failed, e.g. "load this series". */
  action?: string;
  onRetry?: () => void;
}

/** An error a person can act on: what happened and the next step (sign in, go back, retry). */
export function ErrorAlert({ error, action, onRetry }: Props) {
  const location = useLocation();
  const here = location.pathname + location.search;
  const what = action ? `Could not ${action}.` : 'Something went wrong.';

  let detail: string;
  let next = null;
  if (error.status === 401) {
    detail = 'Your session has ended.';
    next = <Link to={signInPath(here)}>Sign in again</Link>;
  } else if (error.status === 403) {
    detail = "You don't have access to this. Ask the series owner to invite you.";
    next = <Link to="/">Back to your series</Link>;
  } else if (error.status === 404) {
    detail = 'It may have been deleted, or the link is wrong.';
    next = <Link to="/">Back to your series</Link>;
  } else if (error.status === 410) {
    // Taken away for good (a deleted installment): the server says what.
    detail = error.message;
    next = <Link to="/">Back to your series</Link>;
  } else if (error.status === 0) {
    detail = 'The server could not be reached. Check your connection.';
  } else if (error.status >= 500) {
    detail = 'The server had a problem. Try again in a moment.';
  } else {
    detail = error.message;
  }

  return (
    <div className="alert alert--error" role="alert">
      <p>
        <strong>{what}</strong> {detail}
      </p>
      {(next || onRetry) && (
        <p className="alert__actions">
          {next}
          {onRetry &&
            error.status !== 401 &&
            error.status !== 403 &&
            error.status !== 404 &&
            error.status !== 410 && (
              <button type="button" className="button button--small" onClick={onRetry}>
                Try again
              </button>
            )}
        </p>
      )}
    </div>
  );
}
