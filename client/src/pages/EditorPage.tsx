import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Editor } from '@tiptap/core';
import type { InstallmentDetail } from '@baton/shared/api.ts';
import { limits } from '@baton/shared/limits.ts';
import { can } from '@baton/shared/roles.ts';
import { colorForUser } from '@baton/shared/userColor.ts';
import { api } from '../api/endpoints.ts';
import { useResource } from '../api/useResource.ts';
import { useCurrentUser, useSessionEnded } from '../auth/RequireAuth.tsx';
import { AppHeader } from '../components/AppHeader.tsx';
import { EditableTitle } from '../components/EditableTitle.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { partLabel } from '../lib/format.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { renameErrorMessage, validateInstallmentTitle } from '../lib/validateTitle.ts';
import { LiveInstallment } from '../editor/LiveInstallment.tsx';
import { useAccessRecheck } from '../editor/useAccessRecheck.ts';
import { PublishBar } from '../versions/PublishBar.tsx';
import { RestoreTargetContext } from '../versions/restoreTarget.ts';
import { CommentHighlights } from '../comments/commentHighlights.ts';
import { CommentsPanel } from '../comments/CommentsPanel.tsx';
import { SuggestionsPanel } from '../suggestions/SuggestionsPanel.tsx';

/** The signed-out banner's promise on this page (AUTH-7). */
const signedOutNote = 'Your text is safe on this page — sign in again to keep editing.';

/** Review comments: the editor draws their highlights (see CommentsPanel). */
const commentExtensions = [CommentHighlights];

/** `/installments/:installmentId`: the live editor of one installment. */
export function EditorPage() {
  const { installmentId = '' } = useParams();
  const { state, reload, update } = useResource(`installment:${installmentId}`, (signal) =>
    api.getInstallment(installmentId, signal),
  );
  const installment = state.status === 'ready' ? state.data : null;
  useDocumentTitle(
    installment ? `${partLabel(installment.number)}: ${installment.title}` : 'Installment',
  );

  return (
    <>
      <AppHeader signedOutNote={signedOutNote}>
        <Link to="/">Your series</Link>
        {installment && (
          <>
            <span className="trail-sep" aria-hidden="true">
              /
            </span>
            <Link
              to={`/series/${encodeURIComponent(installment.series.id)}`}
              className="trail-series"
            >
              {installment.series.title}
            </Link>
          </>
        )}
      </AppHeader>
      <main className="page page--editor">
        {state.status === 'loading' && <Loading label="Opening the installment…" />}
        {state.status === 'error' && (
          <ErrorAlert error={state.error} action="open this installment" onRetry={reload} />
        )}
        {installment && (
          <EditorView
            installment={installment}
            onRenamed={(title) => update((d) => ({ ...d, title }))}
            onFresh={(fresh) => update(() => fresh)}
          />
        )}
      </main>
    </>
  );
}

interface ViewProps {
  installment: InstallmentDetail;
  onRenamed: (title: string) => void;
  /** The installment re-read after an access change (your role may differ). */
  onFresh: (installment: InstallmentDetail) => void;
}

function EditorView({ installment, onRenamed, onFresh }: ViewProps) {
  const user = useCurrentUser();
  const signedOut = useSessionEnded();
  const { lostAccess, deleted, recheck } = useAccessRecheck(installment.id, onFresh);
  // Signed out, the page is read-only until the session is back: nothing could be sent.
  const readOnly = lostAccess || signedOut;
  const canEdit = can(installment.role, 'edit') && !readOnly;
  const [editor, setEditor] = useState<Editor | null>(null);
  const restoreTarget = useMemo(
    () => ({ editor, user: { id: user.id, name: user.name || user.email } }),
    [editor, user.id, user.name, user.email],
  );

  async function saveTitle(title: string) {
    try {
      const saved = await api.updateInstallment(installment.id, { title });
      onRenamed(saved.title);
    } catch (e) {
      throw renameErrorMessage(e);
    }
  }

  return (
    <article className="installment-editor">
      <Link to={`/series/${encodeURIComponent(installment.series.id)}`} className="back-link">
        ← {installment.series.title}
      </Link>
      <EditableTitle
        eyebrow={partLabel(installment.number)}
        value={installment.title}
        label="Installment title"
        maxLength={limits.installmentTitleMax}
        canEdit={canEdit}
        validate={validateInstallmentTitle}
        onSave={saveTitle}
      />
      {/* Publishing: status, Versions, Publish (Mod-Shift-P); restores go into this editor. */}
      <RestoreTargetContext value={restoreTarget}>
        <PublishBar installment={installment} lostAccess={readOnly} editor={editor} />
      </RestoreTargetContext>
      <LiveInstallment
        installmentId={installment.id}
        accountId={user.id}
        user={{ name: user.name || user.email, color: colorForUser(user.id) }}
        userId={user.id}
        role={installment.role}
        lostAccess={lostAccess}
        deleted={deleted}
        documentLimits={installment.documentLimits}
        onAccessChanged={recheck}
        extensions={commentExtensions}
        onEditor={setEditor}
      />
      <CommentsPanel
        installmentId={installment.id}
        role={readOnly ? null : installment.role}
        editor={editor}
        renderSuggestions={(threads) => (
          <SuggestionsPanel editor={editor} canSettle={canEdit} me={user.id} threads={threads} />
        )}
      />
    </article>
  );
}
