import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { InstallmentSummary } from '@baton/shared/api.ts';
import { api } from '../api/endpoints.ts';
import type { ApiError } from '../api/http.ts';
import { toApiError } from '../api/useResource.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { InstallmentRow } from './InstallmentRow.tsx';
import { useInstallmentOrder } from './useInstallmentOrder.ts';
import './installmentList.css';

interface Props {
  seriesId: string;
  /** In reading order. */
  installments: InstallmentSummary[];
  /** Rename and reorder (the `edit` capability). */
  canEdit: boolean;
  /** The `deleteInstallment` capability. */
  canDelete: boolean;
  onChanged: (installments: InstallmentSummary[]) => void;
}

/**
 * The installments of a series in reading order: open, rename, move up and
 * down (also Alt+↑/↓ anywhere in a row), delete.
 */
export function InstallmentList({ seriesId, installments, canEdit, canDelete, onChanged }: Props) {
  const order = useInstallmentOrder(seriesId, installments, onChanged);
  const [deleteError, setDeleteError] = useState<ApiError | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  // After a move the row's DOM node moves too, which drops the focus: put it back.
  const refocus = useRef<{ id: string; control: string } | null>(null);
  useEffect(() => {
    const target = refocus.current;
    if (!target) return;
    refocus.current = null;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(target.id)}"]`);
    const control = row?.querySelector<HTMLElement>(`[data-focus="${target.control}"]`);
    (control && !control.matches(':disabled') ? control : row?.querySelector('a'))?.focus();
  }, [installments]);

  function move(index: number, by: -1 | 1, control: string) {
    const id = installments[index]?.id;
    if (id) refocus.current = { id, control };
    order.move(index, by);
  }

  function onRowKeyDown(event: KeyboardEvent, index: number) {
    if (!canEdit || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    // Not while renaming: the title field keeps its own keys.
    if ((event.target as HTMLElement).closest('input, textarea')) return;
    event.preventDefault();
    const control = (event.target as HTMLElement).dataset.focus ?? 'link';
    move(index, event.key === 'ArrowUp' ? -1 : 1, control);
  }

  async function remove(installment: InstallmentSummary) {
    setDeleteError(null);
    try {
      await api.deleteInstallment(installment.id);
      onChanged(installments.filter((i) => i.id !== installment.id));
    } catch (e) {
      setDeleteError(toApiError(e));
    }
  }

  return (
    <>
      {order.error && <ErrorAlert error={order.error} action="change the order" />}
      {deleteError && <ErrorAlert error={deleteError} action="delete the installment" />}
      <ol
        ref={listRef}
        className="installments"
        aria-label="Installments, in reading order"
        aria-keyshortcuts={canEdit ? 'Alt+ArrowUp Alt+ArrowDown' : undefined}
      >
        {installments.map((installment, index) => (
          <InstallmentRow
            key={installment.id}
            installment={installment}
            canEdit={canEdit}
            canMove={canEdit && installments.length > 1}
            canDelete={canDelete}
            isFirst={index === 0}
            isLast={index === installments.length - 1}
            onMove={(by, control) => move(index, by, control)}
            onKeyDown={(event) => onRowKeyDown(event, index)}
            onRenamed={(renamed) =>
              onChanged(installments.map((i) => (i.id === renamed.id ? renamed : i)))
            }
            onDelete={() => remove(installment)}
          />
        ))}
      </ol>
      {canEdit && installments.length > 1 && (
        <p className="installments__hint">
          Move a part with its arrows, or with Alt+↑ and Alt+↓. Part numbers, and so reader links,
          stay the same.
        </p>
      )}
    </>
  );
}
