import { useId } from 'react';
import type { InviteResult, Member, MembersResponse } from '@baton/shared/members.ts';
import { can } from '@baton/shared/roles.ts';
import { api } from '../../api/endpoints.ts';
import { useResource } from '../../api/useResource.ts';
import { useCurrentUser } from '../../auth/RequireAuth.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SkeletonList } from '../../components/Loading.tsx';
import { Modal } from '../../components/Modal.tsx';
import { InvitationList } from './InvitationList.tsx';
import { InviteForm } from './InviteForm.tsx';
import { MemberList } from './MemberList.tsx';
import { ShareLinks } from './ShareLinks.tsx';

interface Props {
  seriesId: string;
  seriesTitle: string;
  onClose: () => void;
  /** Your own role changed here, or you left: the page behind should catch up. */
  onOwnAccessChanged: (change: 'role' | 'left') => void;
}

/** The Share dialog: who has access, invitations by email and share links. */
export function ShareDialog({ seriesId, seriesTitle, onClose, onOwnAccessChanged }: Props) {
  const { state, reload, update } = useResource(`members:${seriesId}`, (signal) =>
    api.listMembers(seriesId, signal),
  );
  return (
    <Modal title={`Share “${seriesTitle}”`} onClose={onClose}>
      {state.status === 'loading' && <SkeletonList rows={2} />}
      {state.status === 'error' && (
        <ErrorAlert error={state.error} action="load who has access" onRetry={reload} />
      )}
      {state.status === 'ready' && (
        <ShareSections
          seriesId={seriesId}
          data={state.data}
          update={update}
          onOwnAccessChanged={onOwnAccessChanged}
        />
      )}
    </Modal>
  );
}

interface SectionsProps {
  seriesId: string;
  data: MembersResponse;
  update: (fn: (data: MembersResponse) => MembersResponse) => void;
  onOwnAccessChanged: Props['onOwnAccessChanged'];
}

function ShareSections({ seriesId, data, update, onOwnAccessChanged }: SectionsProps) {
  const me = useCurrentUser();
  const canManage = can(data.role, 'manageMembers');
  const id = useId();

  function memberChanged(member: Member) {
    const isMe = member.userId === me.id;
    update((d) => ({
      ...d,
      role: isMe ? member.role : d.role,
      members: d.members.map((m) => (m.userId === member.userId ? member : m)),
    }));
    if (isMe) onOwnAccessChanged('role');
  }

  function invited(result: InviteResult) {
    update((d) =>
      result.kind === 'member'
        ? {
            ...d,
            members: [...d.members.filter((m) => m.userId !== result.member.userId), result.member],
          }
        : {
            ...d,
            invitations: [
              ...d.invitations.filter((i) => i.id !== result.invitation.id),
              result.invitation,
            ],
          },
    );
  }

  return (
    <div className="share">
      <section className="share__section" aria-labelledby={`${id}-people`}>
        <h3 id={`${id}-people`} className="share__heading">
          People with access
        </h3>
        <MemberList
          seriesId={seriesId}
          members={data.members}
          myUserId={me.id}
          canManage={canManage}
          onChanged={memberChanged}
          onRemoved={(userId) =>
            update((d) => ({ ...d, members: d.members.filter((m) => m.userId !== userId) }))
          }
          onLeft={() => onOwnAccessChanged('left')}
        />
        {!canManage && (
          <p className="field__hint">Only an owner can invite people or change roles.</p>
        )}
      </section>

      {canManage && (
        <>
          <section className="share__section" aria-labelledby={`${id}-invite`}>
            <h3 id={`${id}-invite`} className="share__heading">
              Invite by email
            </h3>
            <InviteForm seriesId={seriesId} onInvited={invited} />
          </section>

          {data.invitations.length > 0 && (
            <section className="share__section" aria-labelledby={`${id}-pending`}>
              <h3 id={`${id}-pending`} className="share__heading">
                Pending invitations
              </h3>
              <InvitationList
                seriesId={seriesId}
                invitations={data.invitations}
                onWithdrawn={(id) =>
                  update((d) => ({ ...d, invitations: d.invitations.filter((i) => i.id !== id) }))
                }
              />
            </section>
          )}

          <section className="share__section" aria-labelledby={`${id}-links`}>
            <h3 id={`${id}-links`} className="share__heading">
              Share links
            </h3>
            <p className="field__hint share__intro">
              Anyone who opens a link can join with its role. Revoking a link also removes the
              people who joined with it, unless you have given them a role since.
            </p>
            <ShareLinks
              seriesId={seriesId}
              links={data.links}
              onCreated={(link) => update((d) => ({ ...d, links: [link, ...d.links] }))}
              onRevoked={(linkId) =>
                update((d) => ({
                  ...d,
                  links: d.links.filter((l) => l.id !== linkId),
                  members: d.members.filter((m) => m.viaLinkId !== linkId),
                }))
              }
            />
          </section>
        </>
      )}
    </div>
  );
}
