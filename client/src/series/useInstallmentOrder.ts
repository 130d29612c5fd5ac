import { useCallback, useRef, useState } from 'react';
import type { InstallmentSummary } from '@baton/shared/api.ts';
import { api } from '../api/endpoints.ts';
import type { ApiError } from '../api/http.ts';
import { toApiError } from '../api/useResource.ts';

/** The list with the installment at `from` moved to `to`, positions renumbered 1, 2, 3… */
export function moved(list: readonly InstallmentSummary[], from: number, to: number) {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (!item) return [...list];
  next.splice(to, 0, item);
  return next.map((installment, index) => ({ ...installment, position: index + 1 }));
}

/**
 * Moving installments up and down the reading order: the list changes at once,
 * and the whole new order is sent to the server, one request after another so
 * quick moves arrive in order. A refused order puts the server's list back.
 */
export function useInstallmentOrder(
  seriesId: string,
  installments: readonly InstallmentSummary[],
  onChanged: (installments: InstallmentSummary[]) => void,
) {
  const [error, setError] = useState<ApiError | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const sent = useRef(0);

  const move = useCallback(
    (index: number, by: -1 | 1) => {
      const to = index + by;
      if (to < 0 || to >= installments.length) return;
      const next = moved(installments, index, to);
      onChanged(next);
      setError(null);
      const ticket = ++sent.current;
      queue.current = queue.current.then(async () => {
        try {
          const saved = await api.reorderInstallments(seriesId, {
            installmentIds: next.map((i) => i.id),
          });
          // A later move is already on its way; its answer will settle the list.
          if (ticket === sent.current) onChanged(saved.installments);
        } catch (e) {
          setError(toApiError(e));
          if (ticket === sent.current) {
            await api.getSeries(seriesId).then(
              (fresh) => onChanged(fresh.installments),
              () => {},
            );
          }
        }
      });
    },
    [seriesId, installments, onChanged],
  );

  return { move, error, dismissError: () => setError(null) };
}
