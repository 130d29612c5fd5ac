import { useContext } from 'react';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { toApiError } from '../api/useResource.ts';
import type { ApiError } from '../api/http.ts';
import { restoreInEditor } from './restoreInEditor.ts';
import { RestoreTargetContext, type RestoreTarget } from './restoreTarget.ts';
import { versionsApi } from './versionsApi.ts';

interface Props {
  installmentId: string;
  number: number;
  onRestored: (number: number) => void;
  onError: (error: ApiError) => void;
}

/**
 * Puts version `number` into the draft. From the editor page the editor makes
 * the edits itself, so they are one step of your undo history (Mod-Z takes the
 * restore back), and the server records the restore; anywhere else the server
 * applies it. Open editors update through Yjs either way.
 */
async function restore(installmentId: string, number: number, target: RestoreTarget | null) {
  const editor = target?.editor;
  if (!target || !editor || editor.isDestroyed || !editor.isEditable) {
    await versionsApi.restore(installmentId, number);
    return;
  }
  const version = await versionsApi.get(installmentId, number);
  const mark = {
    version: number,
    userId: target.user.id,
    name: target.user.name,
    at: new Date().toISOString(),
  };
  if (!restoreInEditor(editor, version.prosemirrorJson, mark)) {
    await versionsApi.restore(installmentId, number);
    return;
  }
  await versionsApi.restore(installmentId, number, { appliedByEditor: true });
}

/** "Restore" with an in-place confirmation. */
export function RestoreButton({ installmentId, number, onRestored, onError }: Props) {
  const target = useContext(RestoreTargetContext);
  return (
    <ConfirmAction
      label="Restore"
      ariaLabel={`Restore version ${number}`}
      question={`Restore version ${number} into the draft? Everyone editing sees it; the draft’s history is kept, and Undo takes it back.`}
      confirmLabel="Yes, restore"
      busyLabel="Restoring…"
      onConfirm={async () => {
        try {
          await restore(installmentId, number, target);
          onRestored(number);
        } catch (e) {
          onError(toApiError(e));
        }
      }}
    />
  );
}
