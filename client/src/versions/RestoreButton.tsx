import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { toApiError } from '../api/useResource.ts';
import type { ApiError } from '../api/http.ts';
import { versionsApi } from './versionsApi.ts';

interface Props {
  installmentId: string;
  number: number;
  onRestored: (number: number) => void;
  onError: (error: ApiError) => void;
}

/**
 * "Restore" with an in-place confirmation. The server applies the version to
 * the live draft as ordinary edits, so open editors update through Yjs.
 */
export function RestoreButton({ installmentId, number, onRestored, onError }: Props) {
  return (
    <ConfirmAction
      label="Restore"
      ariaLabel={`Restore version ${number}`}
      question={`Restore version ${number} into the draft? Everyone editing sees it; the draft’s history is kept.`}
      confirmLabel="Yes, restore"
      busyLabel="Restoring…"
      onConfirm={async () => {
        try {
          await versionsApi.restore(installmentId, number);
          onRestored(number);
        } catch (e) {
          onError(toApiError(e));
        }
      }}
    />
  );
}
