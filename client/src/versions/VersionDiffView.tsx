import { useId } from 'react';
import type { VersionSummary } from '@baton/shared/publish.ts';
import { useResource } from '../api/useResource.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { plural } from '../lib/format.ts';
import { DiffBlocks } from './DiffBlocks.tsx';
import { versionsApi } from './versionsApi.ts';

interface Props {
  installmentId: string;
  /** Newest first. */
  versions: readonly VersionSummary[];
  from: number;
  to: number;
  onChange: (from: number, to: number) => void;
  onBack: () => void;
}

/** Any two versions compared: two pickers, a summary, then the blocks. */
export function VersionDiffView({ installmentId, versions, from, to, onChange, onBack }: Props) {
  const { state, reload } = useResource(`diff:${installmentId}:${from}:${to}`, (signal) =>
    versionsApi.diff(installmentId, from, to, signal),
  );
  const fromId = useId();
  const toId = useId();
  const options = versions.map((v) => (
    <option key={v.number} value={v.number}>
      Version {v.number}
    </option>
  ));

  return (
    <section className="version-diff" aria-label={`Changes from version ${from} to ${to}`}>
      <button
        type="button"
        className="button button--quiet button--small versions__back"
        onClick={onBack}
        // The button that opened this view is gone; start here instead of nowhere.
        autoFocus
      >
        ← All versions
      </button>
      <div className="version-diff__pickers">
        <div className="field">
          <label htmlFor={fromId} className="field__label">
            From
          </label>
          <select
            id={fromId}
            className="input input--small"
            value={from}
            onChange={(e) => onChange(Number(e.target.value), to)}
          >
            {options}
          </select>
        </div>
        <span className="version-diff__arrow" aria-hidden="true">
          →
        </span>
        <div className="field">
          <label htmlFor={toId} className="field__label">
            To
          </label>
          <select
            id={toId}
            className="input input--small"
            value={to}
            onChange={(e) => onChange(from, Number(e.target.value))}
          >
            {options}
          </select>
        </div>
      </div>
      {state.status === 'loading' && <Loading label="Comparing…" />}
      {state.status === 'error' && (
        <ErrorAlert error={state.error} action="compare the versions" onRetry={reload} />
      )}
      {state.status === 'ready' && (
        <>
          <DiffSummary summary={state.data.summary} same={from === to} />
          <DiffBlocks key={`${from}:${to}`} blocks={state.data.blocks} />
        </>
      )}
    </section>
  );
}

function DiffSummary({
  summary,
  same,
}: {
  summary: { added: number; removed: number; changed: number; moved: number };
  same: boolean;
}) {
  const parts = [
    summary.added && `${plural(summary.added, 'paragraph')} added`,
    summary.removed && `${plural(summary.removed, 'paragraph')} removed`,
    summary.changed && `${plural(summary.changed, 'paragraph')} changed`,
    summary.moved && `${plural(summary.moved, 'paragraph')} moved`,
  ].filter(Boolean);
  return (
    <p className="version-diff__summary" role="status">
      {same
        ? 'The same version on both sides.'
        : parts.length
          ? parts.join(' · ')
          : 'No differences in the text.'}
    </p>
  );
}
