import type { VersionSummary } from '@baton/shared/publish.ts';
import { useResource } from '../api/useResource.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import type { PublishTarget } from './PublishDialog.tsx';
import { readerLinks } from './readerLinks.ts';
import { RestoreButton } from './RestoreButton.tsx';
import { formatPublishedAt, versionByline } from './versionFormat.ts';
import { versionsApi } from './versionsApi.ts';
import { WithdrawButton } from './WithdrawButton.tsx';

interface Props {
  installment: PublishTarget;
  number: number;
  /** The number of the latest version readers see, if any. */
  latest: number | null;
  /** As the panel's list knows it (it follows live withdrawals). */
  withdrawn: VersionSummary['withdrawn'];
  onBack: () => void;
  onCompare: (from: number, to: number) => void;
  restore: Omit<Parameters<typeof RestoreButton>[0], 'number'> | null;
  withdraw: Omit<Parameters<typeof WithdrawButton>[0], 'number'> | null;
}

/** One version exactly as published. */
export function VersionView({
  installment,
  number,
  latest,
  withdrawn,
  onBack,
  onCompare,
  restore,
  withdraw,
}: Props) {
  const { state, reload } = useResource(`version:${installment.id}:${number}`, (signal) =>
    versionsApi.get(installment.id, number, signal),
  );
  const slug = installment.seriesSlug;
  return (
    <section className="version-view" aria-label={`Version ${number}`}>
      <button
        type="button"
        className="button button--quiet button--small versions__back"
        onClick={onBack}
        // The button that opened this view is gone; start here instead of nowhere.
        autoFocus
      >
        ← All versions
      </button>
      {state.status === 'loading' && <Loading label={`Opening version ${number}…`} />}
      {state.status === 'error' && (
        <ErrorAlert error={state.error} action={`open version ${number}`} onRetry={reload} />
      )}
      {state.status === 'ready' && (
        <>
          <header className="version-view__head">
            <p className="eyebrow">
              Version {number}
              {number === latest ? ' · latest' : ''}
              {withdrawn ? ' · withdrawn from readers' : ''}
            </p>
            <h3 className="version-view__title">{state.data.title}</h3>
            <p className="version-row__meta">
              <time dateTime={state.data.publishedAt}>
                {formatPublishedAt(state.data.publishedAt)}
              </time>
              {' · '}
              {versionByline(state.data)}
            </p>
            {state.data.note && <p className="version-row__note">{state.data.note}</p>}
            <p className="version-row__actions">
              {number > 1 && (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => onCompare(number - 1, number)}
                >
                  Changes from version {number - 1}
                </button>
              )}
              {!withdrawn && (
                <>
                  <a
                    className="button button--small"
                    href={readerLinks.version(slug, installment.number, number)}
                    target="_blank"
                    rel="noopener"
                  >
                    Public page ↗
                  </a>
                  <a
                    className="button button--small"
                    href={readerLinks.markdown(slug, installment.number, number)}
                    download
                  >
                    Markdown
                  </a>
                </>
              )}
              {restore && <RestoreButton {...restore} number={number} />}
              {withdraw && !withdrawn && <WithdrawButton {...withdraw} number={number} />}
            </p>
          </header>
          <div
            className="essay version-html"
            // The server renders this HTML from an allowlist of nodes, marks and attributes and
            // runs a standard sanitizer after it (see server/src/render/renderHtml.ts); it is the
            // only HTML this app injects. Never do this with anything but `Version.html`.
            dangerouslySetInnerHTML={{ __html: state.data.html }}
          />
        </>
      )}
    </section>
  );
}
