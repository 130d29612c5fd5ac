import { Link, useNavigate } from 'react-router';
import type { SeriesSummary } from '@baton/shared/api.ts';
import { api } from '../api/endpoints.ts';
import { useResource } from '../api/useResource.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { SkeletonList } from '../components/Loading.tsx';
import { RoleBadge } from '../components/RoleBadge.tsx';
import { formatUpdated, plural } from '../lib/format.ts';
import { NewSeriesForm } from '../series/NewSeriesForm.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';

/** `/`: the signed-in person's series, and a form to start a new one. */
export function SeriesListPage() {
  const { state, reload } = useResource('series', (signal) => api.listSeries(signal));
  const navigate = useNavigate();
  useDocumentTitle('Your series');

  const onCreated = (series: SeriesSummary) => navigate(`/series/${encodeURIComponent(series.id)}`);

  return (
    <>
      <AppHeader />
      <main className="page">
        <div className="page__head">
          <h1 className="page__title">Your series</h1>
        </div>
        {state.status === 'loading' && <SkeletonList />}
        {state.status === 'error' && (
          <ErrorAlert error={state.error} action="load your series" onRetry={reload} />
        )}
        {state.status === 'ready' && state.data.length === 0 && (
          <section className="empty">
            <h2 className="empty__title">Start your first series</h2>
            <p className="empty__text">
              A series is a run of installments you write, alone or with others. Give it a working
              title; you can change it, and its public address, later.
            </p>
            <NewSeriesForm onCreated={onCreated} autoFocus />
          </section>
        )}
        {state.status === 'ready' && state.data.length > 0 && (
          <>
            <ul className="card-list" aria-label="Series">
              {state.data.map((series) => (
                <li key={series.id} className="card">
                  <Link to={`/series/${encodeURIComponent(series.id)}`} className="card__link">
                    <h2 className="card__title">{series.title}</h2>
                    {series.description && <p className="card__text">{series.description}</p>}
                    <p className="card__meta">
                      <span>{plural(series.installmentCount, 'installment')}</span>
                      <RoleBadge role={series.role} />
                      <span>Updated {formatUpdated(series.updatedAt)}</span>
                    </p>
                  </Link>
                </li>
              ))}
            </ul>
            <section className="panel">
              <NewSeriesForm onCreated={onCreated} />
            </section>
          </>
        )}
      </main>
    </>
  );
}
