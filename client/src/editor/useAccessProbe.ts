import { useEffect, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { ApiError } from '../api/http.ts';
import { toApiError } from '../api/useResource.ts';

/**
 * A refused websocket upgrade (401/403/404) looks like any failed socket to the
 * browser. When `trigger` turns true, ask the API about the installment: its
 * answer is an error a person can act on. Network failures are not reported
 * (the status line already says offline), and the editor stays mounted either
 * way so unsent text is never thrown away.
 */
export function useAccessProbe(installmentId: string, trigger: boolean): ApiError | null {
  const [problem, setProblem] = useState<ApiError | null>(null);
  useEffect(() => {
    if (!trigger) return;
    const controller = new AbortController();
    api.getInstallment(installmentId, controller.signal).then(
      () => setProblem(null),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = toApiError(error);
        if ([401, 403, 404, 410].includes(apiError.status)) setProblem(apiError);
      },
    );
    return () => controller.abort();
  }, [installmentId, trigger]);
  return problem;
}
