import { useEffect, useRef } from 'react';
import type { AnyExtension, Editor } from '@tiptap/core';
import type { DocumentLimits } from '@baton/shared/api.ts';
import { can, type Role } from '@baton/shared/roles.ts';
import { useSessionEnded } from '../auth/RequireAuth.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { RoleBadge } from '../components/RoleBadge.tsx';
import { AccessBanner } from './AccessBanner.tsx';
import { CollabEditor } from './CollabEditor.tsx';
import type { ConnectionSnapshot } from './connectionStatus.ts';
import {
  useAccess,
  useConnection,
  usePresence,
  useSaveStatus,
  useSlowSave,
} from './collabHooks.ts';
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
  /** Your account id (suggestions carry it). */
  userId: string;
  /** Your role in the series, as last read from the API. */
  role: Role;
  /** The API refused you on the latest re-check. */
  lostAccess: boolean;
  /** …because the installment was deleted. */
  deleted?: boolean;
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
  userId,
  role,
  lostAccess,
  deleted,
  documentLimits,
  onAccessChanged,
  flash,
  extensions,
  onEditor,
}: Props & { session: CollabSession; flash: string | null }) {
  const connection = useConnection(session.connection);
  const people = usePresence(session.provider.awareness);
  const access = useAccess(session.access);
  const signedOut = useSessionEnded();
  const accessProblem = useAccessProbe(
    installmentId,
    !lostAccess && !signedOut && connection.failures >= 3 && connection.connection !== 'live',
  );
  const roleCanEdit = can(role, 'edit');
  // Commenters write too, suggestions only (SUG-4).
  const roleCanWrite = roleCanEdit || can(role, 'suggest');
  const editable = roleCanWrite && !access.readOnly && !lostAccess && !signedOut;

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
    if (access.readOnly && roleCanWrite) onAccessChangedRef.current();
  }, [access.readOnly, roleCanWrite]);
  // Removed or signed out: stop knocking, every attempt would be refused. The text stays on
  // screen, read-only, and edits not yet sent stay in the Y.Doc: when the session is back,
  // the new connection's sync sends them (AUTH-8).
  const mayConnect = !lostAccess && !signedOut;
  useEffect(() => {
    const { provider } = session;
    if (!mayConnect) provider.disconnect();
    else if (!provider.shouldConnect) provider.connect();
  }, [mayConnect, session]);

  return (
    <>
      {accessProblem && !lostAccess && !signedOut && (
        <ErrorAlert error={accessProblem} action="connect to the live document" />
      )}
      <AccessBanner
        role={role}
        lostAccess={lostAccess}
        deleted={deleted}
        connectionReadOnly={roleCanWrite && access.readOnly}
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
        author={{ id: userId, name: user.name }}
        suggestionsOnly={!roleCanEdit}
        extensions={extensions}
        onEditor={onEditor}
        footer={
          lostAccess ? (
            <span className="status status--offline" role="status">
              <span className="status__dot" aria-hidden="true" />
              Disconnected
            </span>
          ) : (
            <SessionStatus
              session={session}
              connection={connection}
              flash={flash}
              signedOut={signedOut}
            />
          )
        }
      />
    </>
  );
}

/**
 * The status line, subscribed to saves on its own: they change with every
 * keystroke and every confirmation, and only this line shows them.
 */
function SessionStatus({
  session,
  connection,
  flash,
  signedOut,
}: {
  session: CollabSession;
  connection: ConnectionSnapshot;
  flash: string | null;
  signedOut: boolean;
}) {
  const save = useSaveStatus(session.saves);
  const slowSave = useSlowSave(session.slowSave);
  return (
    <StatusIndicator
      connection={connection}
      save={save}
      slowSave={slowSave}
      flash={flash}
      signedOut={signedOut}
    />
  );
}
