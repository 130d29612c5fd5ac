import { useEffect, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type { InstallmentDetail } from '@baton/shared/api.ts';
import { latestLiveVersion } from '@baton/shared/publish.ts';
import { can } from '@baton/shared/roles.ts';
import { formatUpdated } from '../lib/format.ts';
import { isApple, shortcutLabel } from '../lib/platform.ts';
import { DraftStateBadge } from './DraftStateBadge.tsx';
import { jumpToBlock } from './editorJump.ts';
import { PublishDialog, type PublishTarget } from './PublishDialog.tsx';
import { readerLinks } from './readerLinks.ts';
import { useDraftState } from './useDraftState.ts';
import { useVersions } from './useVersions.ts';
import { formatPublishedAt } from './versionFormat.ts';
import { VersionsPanel } from './VersionsPanel.tsx';
import '../versions.css';

const publishShortcut = 'Mod-Shift-P';

interface Props {
  installment: InstallmentDetail;
  /** The API refused you on the latest re-check: nothing to publish or restore from here. */
  lostAccess: boolean;
  /** The live editor, once it exists: publish findings point into it. */
  editor: Editor | null;
}

/**
 * The editor page's publishing controls: where the installment stands (whether
 * the draft differs from what readers see, the latest version, its public
 * page), "Versions" and "Publish" (also Mod-Shift-P).
 */
export function PublishBar({ installment, lostAccess, editor }: Props) {
  const versions = useVersions(installment.id);
  const [open, setOpen] = useState<'publish' | 'versions' | null>(null);
  const [note, setNote] = useState('');
  const [dismissedRestore, setDismissedRestore] = useState(0);
  const pendingJump = useRef<number | null>(null);
  const canPublish = can(installment.role, 'publish') && !lostAccess;
  const canRestore = can(installment.role, 'edit') && !lostAccess;
  // What readers see: the newest version not withdrawn.
  const latest = latestLiveVersion(versions.versions) ?? null;
  const draftState = useDraftState(
    editor,
    installment.title,
    versions.versions,
    versions.loaded,
    installment.draftState,
  );
  const target: PublishTarget = {
    id: installment.id,
    number: installment.number,
    seriesSlug: installment.series.slug,
  };

  useEffect(() => {
    if (!canPublish) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = isApple ? event.metaKey : event.ctrlKey;
      if (!mod || !event.shiftKey || event.altKey || event.key.toLowerCase() !== 'p') return;
      // Another dialog (Share, a comment) keeps the keyboard.
      if (document.querySelector('[aria-modal="true"]')) return;
      event.preventDefault();
      setOpen('publish');
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [canPublish]);

  // A finding was clicked: the dialog is gone (and has handed focus back), now go there.
  useEffect(() => {
    if (open !== null || pendingJump.current === null) return;
    const index = pendingJump.current;
    pendingJump.current = null;
    if (editor && !editor.isDestroyed) jumpToBlock(editor, index);
  }, [open, editor]);

  const restored = versions.restored;
  return (
    <div className="publish-bar">
      <p className="publish-bar__status" role="status">
        {versions.loaded && <DraftStateBadge state={draftState} />}
        {latest ? (
          <>
            <span>
              Version {latest.number} published{' '}
              <time dateTime={latest.publishedAt} title={formatPublishedAt(latest.publishedAt)}>
                {formatUpdated(latest.publishedAt)}
              </time>
            </span>
            <a
              href={readerLinks.installment(target.seriesSlug, target.number)}
              target="_blank"
              rel="noopener"
            >
              Public page ↗
            </a>
          </>
        ) : versions.versions.length > 0 ? (
          <span>Every version was withdrawn: readers see nothing until you publish again.</span>
        ) : versions.loaded ? (
          <span>Readers see nothing until you publish.</span>
        ) : null}
        {restored && restored.seq !== dismissedRestore && (
          <span className="publish-bar__restored">
            Version {restored.number} was restored into the draft.{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => setDismissedRestore(restored.seq)}
            >
              OK
            </button>
          </span>
        )}
      </p>
      <div className="publish-bar__actions">
        <button
          type="button"
          className="button button--small"
          onClick={() => setOpen('versions')}
          aria-haspopup="dialog"
        >
          Versions{versions.versions.length > 0 ? ` (${versions.versions.length})` : ''}
        </button>
        {canPublish && (
          <button
            type="button"
            className="button button--small button--primary"
            onClick={() => setOpen('publish')}
            aria-haspopup="dialog"
            aria-keyshortcuts={isApple ? 'Meta+Shift+P' : 'Control+Shift+P'}
            title={`Publish (${shortcutLabel(publishShortcut)})`}
          >
            Publish
          </button>
        )}
      </div>
      {open === 'publish' && (
        <PublishDialog
          installment={target}
          latestNumber={versions.versions[0]?.number ?? null}
          liveNumber={latest?.number ?? null}
          note={note}
          onNoteChange={setNote}
          onPublished={(result) => versions.add(result.version)}
          onJump={(index) => {
            pendingJump.current = index;
            setOpen(null);
          }}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'versions' && (
        <VersionsPanel
          installment={target}
          versions={versions}
          canRestore={canRestore}
          canWithdraw={canPublish}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}
