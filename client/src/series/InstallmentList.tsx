import { useState } from 'react';
import { Link } from 'react-router';
import type { InstallmentSummary } from '@baton/shared/api.ts';
import { limits } from '@baton/shared/limits.ts';
import { api } from '../api/endpoints.ts';
import { OpenThreadCount } from '../comments/OpenThreadCount.tsx';
import { RenameForm } from '../components/RenameForm.tsx';
import { formatUpdated, partLabel, plural } from '../lib/format.ts';
import { renameErrorMessage, validateInstallmentTitle } from '../lib/validateTitle.ts';

interface Props {
  installments: InstallmentSummary[];
  canRename: boolean;
  onRenamed: (installment: InstallmentSummary) => void;
}

/** The installments of a series in reading order, each with a Rename action. */
export function InstallmentList({ installments, canRename, onRenamed }: Props) {
  const ordered = [...installments].sort((a, b) => a.number - b.number);
  return (
    <ol className="installments" aria-label="Installments">
      {ordered.map((installment) => (
        <InstallmentRow
          key={installment.id}
          installment={installment}
          canRename={canRename}
          onRenamed={onRenamed}
        />
      ))}
    </ol>
  );
}

function InstallmentRow({
  installment,
  canRename,
  onRenamed,
}: {
  installment: InstallmentSummary;
  canRename: boolean;
  onRenamed: (i: InstallmentSummary) => void;
}) {
  const [renaming, setRenaming] = useState(false);

  async function save(title: string) {
    try {
      onRenamed(await api.updateInstallment(installment.id, { title }));
    } catch (e) {
      throw renameErrorMessage(e);
    }
  }

  return (
    <li className="installment">
      <span className="installment__number" aria-hidden="true">
        {installment.number}
      </span>
      <div className="installment__body">
        {renaming ? (
          <RenameForm
            initial={installment.title}
            label={`Title of ${partLabel(installment.number)}`}
            maxLength={limits.installmentTitleMax}
            validate={validateInstallmentTitle}
            onSave={save}
            onDone={() => setRenaming(false)}
          />
        ) : (
          <Link
            to={`/installments/${encodeURIComponent(installment.id)}`}
            className="installment__link"
          >
            <span className="installment__part">{partLabel(installment.number)}</span>
            <span className="installment__sep" aria-hidden="true">
              {' · '}
            </span>
            <span className="installment__title">{installment.title}</span>
          </Link>
        )}
        <p className="installment__meta">
          {plural(installment.wordCount, 'word')} · updated {formatUpdated(installment.updatedAt)}
          <OpenThreadCount count={installment.openThreadCount} />
        </p>
      </div>
      {canRename && !renaming && (
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => setRenaming(true)}
          aria-label={`Rename ${partLabel(installment.number)}`}
        >
          Rename
        </button>
      )}
    </li>
  );
}
