import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { CollabEditor } from './CollabEditor.tsx';
import { useConnection, usePresence, useSaveState } from './collabHooks.ts';
import type { AwarenessUser } from './presence.ts';
import { PresenceList } from './PresenceList.tsx';
import { StatusIndicator } from './StatusIndicator.tsx';
import { useAccessProbe } from './useAccessProbe.ts';
import { useCollabDoc, type CollabSession } from './useCollabDoc.ts';
import { useUnsavedGuard } from './useUnsavedGuard.ts';

interface Props {
  installmentId: string;
  user: AwarenessUser;
  editable: boolean;
}

/** The live part of the editor page: session, presence, editor and status line. */
export function LiveInstallment({ installmentId, user, editable }: Props) {
  const session = useCollabDoc(installmentId, user);
  const flash = useUnsavedGuard(session?.saves ?? null);
  if (!session) return <Loading label="Connecting…" />;
  return (
    <SessionView
      key={session.id}
      installmentId={installmentId}
      session={session}
      user={user}
      editable={editable}
      flash={flash}
    />
  );
}

function SessionView({
  installmentId,
  session,
  user,
  editable,
  flash,
}: Props & { session: CollabSession; flash: string | null }) {
  const save = useSaveState(session.saves);
  const connection = useConnection(session.connection);
  const people = usePresence(session.provider.awareness);
  const accessProblem = useAccessProbe(
    installmentId,
    connection.failures >= 3 && connection.connection !== 'live',
  );

  return (
    <>
      {accessProblem && <ErrorAlert error={accessProblem} action="connect to the live document" />}
      <div className="installment-editor__bar">
        <PresenceList people={people} />
        {!editable && <span className="badge">Read only</span>}
      </div>
      <CollabEditor
        session={session}
        user={user}
        editable={editable}
        footer={<StatusIndicator connection={connection} save={save} flash={flash} />}
      />
    </>
  );
}
