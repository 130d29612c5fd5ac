import { useRouteError } from 'react-router';

/** Shown when rendering a page throws: a way out instead of a blank screen. */
export function RouteErrorPage() {
  const error = useRouteError();
  console.error(error);
  return (
    <main className="page page--center" role="alert">
      <p className="eyebrow">Unexpected error</p>
      <h1 className="page__title">This page stopped working</h1>
      <p className="empty__text">
        Something in the app went wrong. Reloading usually helps; edits that reached the server are
        safe.
      </p>
      <p className="form__actions form__actions--center">
        <button
          type="button"
          className="button button--primary"
          onClick={() => window.location.reload()}
        >
          Reload
        </button>
        <a href="/" className="button">
          Go to your series
        </a>
      </p>
    </main>
  );
}
