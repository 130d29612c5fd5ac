import type { VersionSummary } from '@baton/shared/publish.ts';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { toApiError } from '../api/useResource.ts';
import type { ApiError } from '../api/http.ts';
import { versionsApi } from './versionsApi.ts';

interface Props {
  installmentId: string;
  number: number;
  onWithdrawn: (version: VersionSummary) => void;
  onError: (error: ApiError) => void;
}

/**
 * "Withdraw" with an in-place confirmation: readers lose the version's page
 * (it answers 410) and the feed drops it, for good. Writers keep seeing it here.
 */
export function WithdrawButton({ installmentId, number, onWithdrawn, onError }: Props) {
  return (
    <ConfirmAction
      label="Withdraw"
      ariaLabel={`Withdraw version ${number}`}
      question={`Withdraw version ${number} from readers? Its page goes and the feed drops it. This cannot be undone.`}
      confirmLabel="Yes, withdraw"
      busyLabel="Withdrawing…"
      onConfirm={async () => {
        try {
          onWithdrawn(await versionsApi.withdraw(installmentId, number));
        } catch (e) {
          onError(toApiError(e));
        }
      }}
    />
  );
}
