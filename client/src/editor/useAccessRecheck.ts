import { useCallback, useEffect, useRef, useState } from 'react';
import type { InstallmentDetail } from '@baton/shared/api.ts';
import { api } from '../api/endpoints.ts';
import { toApiError } from '../api/useResource.ts';

/**
 * Re-reads the installment (and so your role) when the live connection says
 * your access changed. `lostAccess` turns true when the answer is 403/404
 * (you were removed, or the series is gone) or 410 (`deleted`: the
 * installment was deleted).
 */
export function useAccessRecheck(
  installmentId: string,
  onFresh: (installment: InstallmentDetail) => void,
): { lostAccess: boolean; deleted: boolean; recheck: () => void } {
  const [lost, setLost] = useState<{ id: string; deleted: boolean } | null>(null);
  const controllerRef = useRef<AbortController | null>(null);
  const onFreshRef = useRef(onFresh);
  useEffect(() => {
    onFreshRef.current = onFresh;
  });
  useEffect(() => () => controllerRef.current?.abort(), [installmentId]);

  const recheck = useCallback(() => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    api.getInstallment(installmentId, controller.signal).then(
      (fresh) => {
        if (controller.signal.aborted) return;
        setLost(null);
        onFreshRef.current(fresh);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        // Network trouble says nothing about access; the status line already shows it.
        const status = toApiError(error).status;
        if (status === 403 || status === 404 || status === 410)
          setLost({ id: installmentId, deleted: status === 410 });
      },
    );
  }, [installmentId]);

  const current = lost?.id === installmentId ? lost : null;
  return { lostAccess: current !== null, deleted: current?.deleted ?? false, recheck };
}
