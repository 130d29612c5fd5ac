import { useEffect, useRef } from 'react';
import type { AnyExtension, Editor } from '@tiptap/core';
import type { DocumentLimits } from '@baton/shared/api.ts';
import { can, type Role } from '@baton/shared/roles.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { RoleBadge } from '../components/RoleBadge.tsx';
import { AccessBanner } from './AccessBanner.tsx';
import { CollabEditor } from './CollabEditor.tsx';
import { useAccess, useConnection, usePresence, useSaveState, useSlowSave } from './collabHooks.ts';
import { DocumentSizeBanner } from './DocumentSizeBanner.tsx';
import type { AwarenessUser } from './presence.ts';
import { PresenceList } from './PresenceList.tsx';
import { StatusIndicator } from './StatusIndicator.tsx';
import { useAccessProbe } from './useAccessProbe.ts';
import { useCollabDoc, type CollabSession } from './useCollabDoc.ts';
import { useUnsavedGuard } from './useUnsavedGuard.ts';

interface Props {
  installmentId: string;
  /** The signed-in account: the draft kept on this device is theirs alone. */
  accountId: string;
  user: AwarenessUser;
  /** Your role in the series, as last read from the API. */
  role: Role;
  /** The API refused you on the latest re-check. */
  lostAccess: boolean;
  /** The server's document size limits (from the installment), for the size warning. */
  documentLimits: DocumentLimits;
  /** The server signalled an access change: re-read your role. */
  onAccessChanged: () => void;
  /** View-only editor extensions the page adds (see CollabEditor). */
  extensions?: readonly AnyExtension[];
  /** Told about each session's editor, and `null` when it goes away. */
  onEditor?: (editor: Editor | null) => void;
}

/** The live part of the editor page: session, presence, editor and status line. */
export function LiveInstallment(props: Props) {
  const session = useCollabDoc(props.installmentId, props.accountId, props.user);
  const flash = useUnsavedGuard(session?.saves ?? null, session?.keptOnDevice ?? false);
  if (!session) return <Loading label="Opening the draft…" />;
  return <SessionView key={session.id} {...props} session={session} flash={flash} />;
}

function SessionView({
  installmentId,
  session,
  user,
  role,
  lostAccess,
  documentLimits,
  onAccessChanged,
  flash,
  extensions,
  onEditor,
}: Props & { session: CollabSession; flash: string | null }) {
  const save = useSaveState(session.saves);
  const slowSave = useSlowSave(session.slowSave);
  const connection = useConnection(session.connection);
  const people = usePresence(session.provider.awareness);
  const access = useAccess(session.access);
  const accessProblem = useAccessProbe(
    installmentId,
    !lostAccess && connection.failures >= 3 && connection.connection !== 'live',
  );
  const roleCanEdit = can(role, 'edit');
  const editable = roleCanEdit && !access.readOnly && !lostAccess;

  const onAccessChangedRef = useRef(onAccessChanged);
  useEffect(() => {
    onAccessChangedRef.current = onAccessChanged;
  });
  // The server closed the socket because your role changed, or says this connection is
  // read-only although your role allows editing: either way, ask the API who you are now.
  useEffect(() => {
    if (access.changes > 0) onAccessChangedRef.current();
  }, [access.changes]);
  useEffect(() => {
    if (access.readOnly && roleCanEdit) onAccessChangedRef.current();
  }, [access.readOnly, roleCanEdit]);
  // Removed: stop knocking. The text stays on screen, read-only.
  useEffect(() => {
    if (lostAccess) session.provider.disconnect();
  }, [lostAccess, session]);

  return (
    <>
      {accessProblem && !lostAccess && (
        <ErrorAlert error={accessProblem} action="connect to the live document" />
      )}
      <AccessBanner
        role={role}
        lostAccess={lostAccess}
        connectionReadOnly={roleCanEdit && access.readOnly}
      />
      {/* Only for those who can add text: the advice is about where to write next. */}
      {roleCanEdit && !lostAccess && (
        <DocumentSizeBanner provider={session.provider} limits={documentLimits} />
      )}
      <div className="installment-editor__bar">
        <PresenceList people={people} />
        {!lostAccess && <RoleBadge role={role} you />}
      </div>
      <CollabEditor
        session={session}
        user={user}
        editable={editable}
        extensions={extensions}
        onEditor={onEditor}
        footer={
          lostAccess ? (
            <span className="status status--offline" role="status">
              <span className="status__dot" aria-hidden="true" />
              Disconnected
            </span>
          ) : (
            <StatusIndicator
              connection={connection}
              save={save}
              slowSave={slowSave}
              flash={flash}
            />
          )
        }
      />
    </>
  );
}
