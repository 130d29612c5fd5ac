import { useState } from 'react';
import { latestLiveVersion, type VersionSummary } from '@baton/shared/publish.ts';
import type { ApiError } from '../api/http.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { Modal } from '../components/Modal.tsx';
import { partLabel } from '../lib/format.ts';
import type { PublishTarget } from './PublishDialog.tsx';
import { readerLinks } from './readerLinks.ts';
import { RestoreButton } from './RestoreButton.tsx';
import type { VersionsState } from './useVersions.ts';
import { VersionDiffView } from './VersionDiffView.tsx';
import { formatPublishedAt, versionByline } from './versionFormat.ts';
import { VersionView } from './VersionView.tsx';
import { WithdrawButton } from './WithdrawButton.tsx';
import '../versions.css';
import './withdrawn.css';

type View =
  | { kind: 'list' }
  | { kind: 'version'; number: number }
  | { kind: 'diff'; from: number; to: number };

type Versions = VersionsState & {
  reload: () => void;
  add: (version: VersionSummary) => void;
};

interface Props {
  installment: PublishTarget;
  versions: Versions;
  /** You may restore a version into the draft (the `edit` capability). */
  canRestore: boolean;
  /** You may withdraw a version from readers (the `publish` capability). */
  canWithdraw: boolean;
  onClose: () => void;
}

/** The versions of one installment: list, read one, compare two, restore or withdraw one. */
export function VersionsPanel({ installment, versions, canRestore, canWithdraw, onClose }: Props) {
  const [view, setView] = useState<View>({ kind: 'list' });
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<{ error: ApiError; action: string } | null>(null);
  const list = versions.versions;
  const restore = {
    installmentId: installment.id,
    onRestored: (k: number) => {
      setError(null);
      setNotice(`Version ${k} was restored into the draft.`);
    },
    onError: (e: ApiError) => setError({ error: e, action: 'restore the version' }),
  };
  const withdraw = {
    installmentId: installment.id,
    onWithdrawn: (version: VersionSummary) => {
      setError(null);
      versions.add(version);
      setNotice(`Version ${version.number} was withdrawn: readers no longer see it.`);
    },
    onError: (e: ApiError) => setError({ error: e, action: 'withdraw the version' }),
  };
  const back = () => setView({ kind: 'list' });

  return (
    <Modal title={`Versions of ${partLabel(installment.number)}`} onClose={onClose}>
      <div className="versions" data-view={view.kind}>
        {notice && (
          <p className="versions__notice" role="status">
            {notice}
          </p>
        )}
        {error && <ErrorAlert error={error.error} action={error.action} />}
        {view.kind === 'version' && (
          <VersionView
            installment={installment}
            number={view.number}
            latest={latestLiveVersion(list)?.number ?? null}
            withdrawn={list.find((v) => v.number === view.number)?.withdrawn ?? null}
            onBack={back}
            onCompare={(from, to) => setView({ kind: 'diff', from, to })}
            restore={canRestore ? restore : null}
            withdraw={canWithdraw ? withdraw : null}
          />
        )}
        {view.kind === 'diff' && (
          <VersionDiffView
            installmentId={installment.id}
            versions={list}
            from={view.from}
            to={view.to}
            onChange={(from, to) => setView({ kind: 'diff', from, to })}
            onBack={back}
          />
        )}
        {view.kind === 'list' && (
          <VersionList
            installment={installment}
            versions={versions}
            onOpen={(number) => setView({ kind: 'version', number })}
            onCompare={(from, to) => setView({ kind: 'diff', from, to })}
            restore={canRestore ? restore : null}
            withdraw={canWithdraw ? withdraw : null}
          />
        )}
      </div>
    </Modal>
  );
}

interface ListProps {
  installment: PublishTarget;
  versions: Versions;
  onOpen: (number: number) => void;
  onCompare: (from: number, to: number) => void;
  restore: Omit<Parameters<typeof RestoreButton>[0], 'number'> | null;
  withdraw: Omit<Parameters<typeof WithdrawButton>[0], 'number'> | null;
}

function VersionList({ installment, versions, onOpen, onCompare, restore, withdraw }: ListProps) {
  const list = versions.versions;
  if (!versions.loaded) {
    return versions.error ? (
      <ErrorAlert error={versions.error} action="load the versions" onRetry={versions.reload} />
    ) : (
      <Loading label="Loading the versions…" />
    );
  }
  if (list.length === 0) {
    return (
      <div className="empty empty--small">
        <p className="empty__text">
          Nothing published yet. Publish to make version 1: readers see versions, never the draft.
        </p>
      </div>
    );
  }
  const [latest, previous] = list;
  const live = latestLiveVersion(list);
  return (
    <>
      {latest && previous && (
        <p className="versions__compare-line">
          <button
            type="button"
            className="button button--small"
            onClick={() => onCompare(previous.number, latest.number)}
          >
            Compare versions
          </button>
          <span>
            What changed from version {previous.number} to {latest.number}, or between any two.
          </span>
        </p>
      )}
      <ol className="version-list" aria-label="Published versions, newest first">
        {list.map((version) => (
          <VersionRow
            key={version.number}
            version={version}
            isLatest={version === live}
            slug={installment.seriesSlug}
            part={installment.number}
            onOpen={onOpen}
            onCompare={onCompare}
            restore={restore}
            withdraw={withdraw}
          />
        ))}
      </ol>
    </>
  );
}

interface RowProps {
  version: VersionSummary;
  isLatest: boolean;
  slug: string;
  part: number;
  onOpen: (number: number) => void;
  onCompare: (from: number, to: number) => void;
  restore: ListProps['restore'];
  withdraw: ListProps['withdraw'];
}

function VersionRow({
  version,
  isLatest,
  slug,
  part,
  onOpen,
  onCompare,
  restore,
  withdraw,
}: RowProps) {
  const k = version.number;
  const withdrawn = version.withdrawn;
  return (
    <li className={`version-row${withdrawn ? ' version-row--withdrawn' : ''}`}>
      <span className="version-row__number" aria-hidden="true">
        {k}
      </span>
      <div className="version-row__body">
        <p className="version-row__title">
          <button type="button" className="version-row__open" onClick={() => onOpen(k)}>
            Version {k}
          </button>
          {isLatest && <span className="badge">Latest</span>}
          {withdrawn && <span className="badge badge--withdrawn">Withdrawn</span>}
        </p>
        <p className="version-row__meta">
          <time dateTime={version.publishedAt}>{formatPublishedAt(version.publishedAt)}</time>
          {' · '}
          {versionByline(version)}
        </p>
        {withdrawn && (
          <p className="version-row__meta">
            Withdrawn from readers by {withdrawn.by.name || 'someone'} on{' '}
            <time dateTime={withdrawn.at}>{formatPublishedAt(withdrawn.at)}</time>
          </p>
        )}
        {version.note && <p className="version-row__note">{version.note}</p>}
        <p className="version-row__actions">
          {k > 1 && (
            <button
              type="button"
              className="button button--small"
              onClick={() => onCompare(k - 1, k)}
              aria-label={`Changes in version ${k}`}
            >
              Changes
            </button>
          )}
          {!withdrawn && (
            <a
              className="button button--small"
              href={readerLinks.version(slug, part, k)}
              target="_blank"
              rel="noopener"
              aria-label={`Public page of version ${k} (opens in a new tab)`}
            >
              Public page ↗
            </a>
          )}
          {restore && <RestoreButton {...restore} number={k} />}
          {withdraw && !withdrawn && <WithdrawButton {...withdraw} number={k} />}
        </p>
      </div>
    </li>
  );
}
