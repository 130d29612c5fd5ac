import { useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import type { InstallmentSummary } from '@baton/shared/api.ts';
import { limits } from '@baton/shared/limits.ts';
import { api } from '../api/endpoints.ts';
import { OpenThreadCount } from '../comments/OpenThreadCount.tsx';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { RenameForm } from '../components/RenameForm.tsx';
import { formatUpdated, partLabel, plural } from '../lib/format.ts';
import { renameErrorMessage, validateInstallmentTitle } from '../lib/validateTitle.ts';
import { DraftStateBadge } from '../versions/DraftStateBadge.tsx';

interface Props {
  installment: InstallmentSummary;
  canEdit: boolean;
  /** Reordering makes sense (editing allowed, more than one installment). */
  canMove: boolean;
  canDelete: boolean;
  isFirst: boolean;
  isLast: boolean;
  /** Move one place; `control` names what should have the focus afterwards. */
  onMove: (by: -1 | 1, control: string) => void;
  onKeyDown: (event: KeyboardEvent) => void;
  onRenamed: (installment: InstallmentSummary) => void;
  onDelete: () => Promise<void>;
}

/** One installment in the series page's list, with its draft state and actions. */
export function InstallmentRow({
  installment,
  canEdit,
  canMove,
  canDelete,
  isFirst,
  isLast,
  onMove,
  onKeyDown,
  onRenamed,
  onDelete,
}: Props) {
  const [renaming, setRenaming] = useState(false);
  const part = partLabel(installment.number);

  async function save(title: string) {
    try {
      onRenamed(await api.updateInstallment(installment.id, { title }));
    } catch (e) {
      throw renameErrorMessage(e);
    }
  }

  return (
    <li className="installment" data-id={installment.id} onKeyDown={onKeyDown}>
      <span className="installment__number" aria-hidden="true">
        {installment.number}
      </span>
      <div className="installment__body">
        {renaming ? (
          <RenameForm
            initial={installment.title}
            label={`Title of ${part}`}
            maxLength={limits.installmentTitleMax}
            validate={validateInstallmentTitle}
            onSave={save}
            onDone={() => setRenaming(false)}
          />
        ) : (
          <Link
            to={`/installments/${encodeURIComponent(installment.id)}`}
            className="installment__link"
            data-focus="link"
          >
            <span className="installment__part">{part}</span>
            <span className="installment__sep" aria-hidden="true">
              {' · '}
            </span>
            <span className="installment__title">{installment.title}</span>
          </Link>
        )}
        <p className="installment__meta">
          {plural(installment.wordCount, 'word')} · updated {formatUpdated(installment.updatedAt)}
          <OpenThreadCount count={installment.openThreadCount} />
          <DraftStateBadge state={installment.draftState} />
        </p>
      </div>
      {!renaming && (canEdit || canDelete) && (
        <div className="installment__actions">
          {canMove && (
            <>
              <button
                type="button"
                className="button button--quiet button--small installment__move"
                onClick={() => onMove(-1, 'up')}
                disabled={isFirst}
                aria-label={`Move ${part} up`}
                title="Move up (Alt+↑)"
                data-focus="up"
              >
                ↑
              </button>
              <button
                type="button"
                className="button button--quiet button--small installment__move"
                onClick={() => onMove(1, 'down')}
                disabled={isLast}
                aria-label={`Move ${part} down`}
                title="Move down (Alt+↓)"
                data-focus="down"
              >
                ↓
              </button>
            </>
          )}
          {canEdit && (
            <>
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => setRenaming(true)}
                aria-label={`Rename ${part}`}
              >
                Rename
              </button>
            </>
          )}
          {canDelete && (
            <ConfirmAction
              label="Delete"
              ariaLabel={`Delete ${part}`}
              question={`Delete ${part} for everyone? Its draft and comments go, and readers lose its pages.`}
              confirmLabel="Yes, delete"
              busyLabel="Deleting…"
              onConfirm={onDelete}
            />
          )}
        </div>
      )}
    </li>
  );
}
