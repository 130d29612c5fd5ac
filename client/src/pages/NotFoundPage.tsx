import { Link } from 'react-router';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';

/** Any path the app does not know. */
export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <main className="page page--center">
      <p className="eyebrow">404</p>
      <h1 className="page__title">This page does not exist</h1>
      <p className="empty__text">The link may be mistyped, or what it pointed to was removed.</p>
      <p>
        <Link to="/" className="button button--primary">
          Go to your series
        </Link>
      </p>
    </main>
  );
}
