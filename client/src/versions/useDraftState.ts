import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { documentJson } from '@baton/shared/blockSuggestions.ts';
import type { DraftState } from '@baton/shared/api.ts';
import type { VersionSummary } from '@baton/shared/publish.ts';
import { contentHash, draftStateOf } from './draftState.ts';

/** Typing pauses this long before the document is hashed again. */
const rehashDelayMs = 300;

/**
 * Whether the live draft differs from what readers see, kept current while
 * anyone types. Until the editor holds the document (an empty editor may not
 * have synced yet), the server's answer from when the page loaded stands.
 */
export function useDraftState(
  editor: Editor | null,
  title: string,
  versions: readonly VersionSummary[],
  versionsLoaded: boolean,
  fromServer: DraftState,
): DraftState {
  const [hashed, setHashed] = useState<{ editor: Editor; title: string; hash: string } | null>(
    null,
  );
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (delay: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!editor.isDestroyed) {
          setHashed({ editor, title, hash: contentHash(title, documentJson(editor.getJSON())) });
        }
      }, delay);
    };
    const onUpdate = () => schedule(rehashDelayMs);
    if (!editor.isEmpty) schedule(0);
    editor.on('update', onUpdate);
    return () => {
      clearTimeout(timer);
      editor.off('update', onUpdate);
    };
  }, [editor, title]);
  if (!hashed || hashed.editor !== editor || hashed.title !== title || !versionsLoaded) {
    return fromServer;
  }
  return draftStateOf(hashed.hash, versions);
}
