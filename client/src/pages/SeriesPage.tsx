import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { SeriesDetail, SeriesSummary } from '@baton/shared/api.ts';
import { limits } from '@baton/shared/limits.ts';
import { can } from '@baton/shared/roles.ts';
import { api } from '../api/endpoints.ts';
import { useResource } from '../api/useResource.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { EditableTitle } from '../components/EditableTitle.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { SkeletonList } from '../components/Loading.tsx';
import { RoleBadge } from '../components/RoleBadge.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { readerLinks } from '../versions/readerLinks.ts';
import { renameErrorMessage, validateSeriesTitle } from '../lib/validateTitle.ts';
import { DeleteSeriesSection } from '../series/DeleteSeriesSection.tsx';
import { InstallmentList } from '../series/InstallmentList.tsx';
import { ImportInstallmentForm } from '../series/ImportInstallmentForm.tsx';
import { NewInstallmentForm } from '../series/NewInstallmentForm.tsx';
import { SeriesSettingsForm } from '../series/SeriesSettingsForm.tsx';
import { ShareDialog } from '../series/share/ShareDialog.tsx';
import { WebhooksSection } from '../series/webhooks/WebhooksSection.tsx';

/** `/series/:seriesId`: the series, its settings and its installments. */
export function SeriesPage() {
  const { seriesId = '' } = useParams();
  const { state, reload, update } = useResource(`series:${seriesId}`, (signal) =>
    api.getSeries(seriesId, signal),
  );
  useDocumentTitle(state.status === 'ready' ? state.data.title : 'Series');

  return (
    <>
      <AppHeader>
        <Link to="/">Your series</Link>
      </AppHeader>
      <main className="page">
        {state.status === 'loading' && (
          <>
            <div className="skeleton-line skeleton-line--heading" aria-hidden="true" />
            <SkeletonList rows={3} />
          </>
        )}
        {state.status === 'error' && (
          <ErrorAlert error={state.error} action="load this series" onRetry={reload} />
        )}
        {state.status === 'ready' && (
          <SeriesView
            series={state.data}
            onSummaryChanged={(summary) => update((d) => ({ ...d, ...summary }))}
            onInstallmentsChanged={(installments) => update((d) => ({ ...d, installments }))}
            onAccessChanged={() =>
              // Quietly: the Share dialog stays open over the page while it catches up.
              api.getSeries(seriesId).then((fresh) => update(() => fresh), reload)
            }
          />
        )}
      </main>
    </>
  );
}

interface ViewProps {
  series: SeriesDetail;
  onSummaryChanged: (s: SeriesSummary) => void;
  onInstallmentsChanged: (i: SeriesDetail['installments']) => void;
  /** Your role changed (in the Share dialog): re-read the series. */
  onAccessChanged: () => void;
}

function SeriesView({
  series,
  onSummaryChanged,
  onInstallmentsChanged,
  onAccessChanged,
}: ViewProps) {
  const navigate = useNavigate();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [shareOpen, setShareOpen] = useState(false);
  const canManage = can(series.role, 'manageSeries');
  const canEdit = can(series.role, 'edit');
  // Numbers of deleted installments are not reused (the server says which is next).
  const nextNumber = series.installments.reduce(
    (next, i) => Math.max(next, i.number + 1),
    series.nextInstallmentNumber,
  );

  async function saveTitle(title: string) {
    try {
      onSummaryChanged(await api.updateSeries(series.id, { title }));
    } catch (e) {
      throw renameErrorMessage(e);
    }
  }

  return (
    <>
      <div className="page__head">
        <EditableTitle
          value={series.title}
          label="Series title"
          maxLength={limits.seriesTitleMax}
          canEdit={canManage && !settingsOpen}
          validate={validateSeriesTitle}
          onSave={saveTitle}
        />
        <div className="page__actions">
          <RoleBadge role={series.role} you />
          {can(series.role, 'read') && (
            <button
              type="button"
              className="button button--small"
              onClick={() => setShareOpen(true)}
              aria-haspopup="dialog"
            >
              Share
            </button>
          )}
          {canManage && !settingsOpen && (
            <button
              type="button"
              className="button button--small"
              onClick={() => setSettingsOpen(true)}
            >
              Settings
            </button>
          )}
        </div>
      </div>
      {shareOpen && (
        <ShareDialog
          seriesId={series.id}
          seriesTitle={series.title}
          onClose={() => setShareOpen(false)}
          onOwnAccessChanged={(change) => {
            if (change === 'left') navigate('/', { replace: true });
            else onAccessChanged();
          }}
        />
      )}
      {settingsOpen ? (
        <section className="panel" aria-label="Settings">
          <SeriesSettingsForm
            series={series}
            onSaved={(summary) => {
              onSummaryChanged(summary);
              setSettingsOpen(false);
            }}
            onCancel={() => setSettingsOpen(false)}
          />
          {can(series.role, 'manageWebhooks') && <WebhooksSection seriesId={series.id} />}
          {can(series.role, 'deleteSeries') && (
            <DeleteSeriesSection
              seriesId={series.id}
              title={series.title}
              onDeleted={() => navigate('/', { replace: true })}
            />
          )}
        </section>
      ) : (
        <div className="series-intro">
          {series.description && <p className="series-intro__description">{series.description}</p>}
          <p className="series-intro__meta">
            {/* The reader pages are served by the server, outside this app. */}
            Public page:{' '}
            <a href={readerLinks.series(series.slug)} target="_blank" rel="noopener">
              <code className="url-preview">/read/{series.slug}</code> ↗
            </a>
            <a href={readerLinks.feed(series.slug)} target="_blank" rel="noopener">
              Atom feed
            </a>
          </p>
        </div>
      )}

      <h2 className="section-title">Installments</h2>
      {series.installments.length === 0 ? (
        <section className="empty">
          <h3 className="empty__title">No installments yet</h3>
          <p className="empty__text">
            {canEdit
              ? 'Add Part 1 to start writing. Co-writers see each other’s carets as they type.'
              : 'Nothing has been written here yet.'}
          </p>
        </section>
      ) : (
        <InstallmentList
          seriesId={series.id}
          installments={series.installments}
          canEdit={canEdit}
          canDelete={can(series.role, 'deleteInstallment')}
          onChanged={onInstallmentsChanged}
        />
      )}
      {canEdit && (
        <section className="panel">
          <NewInstallmentForm
            seriesId={series.id}
            nextNumber={nextNumber}
            autoFocus={series.installments.length === 0}
            onCreated={(created) => onInstallmentsChanged([...series.installments, created])}
          />
          <ImportInstallmentForm seriesId={series.id} nextNumber={nextNumber} />
        </section>
      )}
    </>
  );
}
