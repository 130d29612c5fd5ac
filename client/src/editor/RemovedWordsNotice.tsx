import { useState } from 'react';
import { countWords } from '@baton/shared/text.ts';
import { plural } from '../lib/format.ts';
import type { RestoreReport } from './restoreWatcher.ts';

interface Props {
  report: RestoreReport;
  onDismiss: () => void;
}

/** Tells a writer which of their words someone else's restore removed, to copy back. */
export function RemovedWordsNotice({ report, onDismiss }: Props) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const { mark, removed } = report;

  async function copy() {
    try {
      await navigator.clipboard.writeText(removed);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <section className="removed-words" role="alert" aria-label="Your words removed by a restore">
      <p className="removed-words__lead">
        <strong>{mark.name}</strong> restored version {mark.version}, which removed{' '}
        {plural(countWords(removed), 'word')} you wrote. Copy them to put them back where they
        belong:
      </p>
      <blockquote className="removed-words__text" data-testid="removed-words">
        {removed}
      </blockquote>
      <div className="removed-words__actions">
        <button type="button" className="button button--small" onClick={() => void copy()}>
          Copy your words
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onDismiss}>
          Dismiss
        </button>
        <span role="status" className="removed-words__copied">
          {copied === 'yes' && 'Copied.'}
          {copied === 'failed' && 'This browser did not allow copying; select the text instead.'}
        </span>
      </div>
    </section>
  );
}
