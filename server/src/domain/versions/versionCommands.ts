/** Reading versions, diffing two, and restoring one into the draft. */
import type { Version, VersionDiff, VersionSummary } from '@baton/shared/publish.ts';
import { DOC_FRAGMENT } from '@baton/shared/protocol.ts';
import { updateYFragment } from '@tiptap/y-tiptap';
import type { RoomRegistry } from '../../collab/roomRegistry.ts';
import { editorSchema } from '../../content/editorSchema.ts';
import { notFound } from '../../http/errors.ts';
import { diffDocuments } from '../../publish/diffDocuments.ts';
import { readNode } from '../../publish/pmJson.ts';
import { type Actor, requireInstallmentCapability } from '../access.ts';
import type { VersionDeps } from './publishInstallment.ts';
import { presentVersion, presentVersionSummary } from './presentVersion.ts';
import { selectVersion, selectVersionSummaries } from './versionQueries.ts';

export async function listVersions(
  deps: VersionDeps,
  actor: Actor,
  installmentId: string,
): Promise<VersionSummary[]> {
  await requireInstallmentCapability(deps.db, actor, installmentId, 'read');
  return (await selectVersionSummaries(deps.db, installmentId)).map(presentVersionSummary);
}

export async function getVersion(
  deps: VersionDeps,
  actor: Actor,
  installmentId: string,
  number: number,
): Promise<Version> {
  await requireInstallmentCapability(deps.db, actor, installmentId, 'read');
  const row = await selectVersion(deps.db, installmentId, number);
  if (!row) throw notFound('Version');
  return presentVersion(row);
}

export async function diffVersions(
  deps: VersionDeps,
  actor: Actor,
  installmentId: string,
  from: number,
  to: number,
): Promise<VersionDiff> {
  await requireInstallmentCapability(deps.db, actor, installmentId, 'read');
  const [a, b] = await Promise.all([
    selectVersion(deps.db, installmentId, from),
    selectVersion(deps.db, installmentId, to),
  ]);
  if (!a || !b) throw notFound('Version');
  return diffDocuments(
    readNode(JSON.parse(a.prosemirror_json)),
    readNode(JSON.parse(b.prosemirror_json)),
    from,
    to,
  );
}

/**
 * Restores a version into the draft as ordinary edits in one transaction (the
 * smallest change that makes the draft equal the version): every connected
 * writer sees it live, and the draft's history is kept.
 */
export async function restoreVersion(
  deps: VersionDeps & { registry: RoomRegistry },
  actor: Actor,
  installmentId: string,
  number: number,
): Promise<VersionSummary> {
  await requireInstallmentCapability(deps.db, actor, installmentId, 'edit');
  const row = await selectVersion(deps.db, installmentId, number);
  if (!row) throw notFound('Version');
  const node = editorSchema.nodeFromJSON(JSON.parse(row.prosemirror_json));
  await deps.registry.withRoom(installmentId, (room) =>
    room.applyServerChange((doc) => {
      updateYFragment(doc, doc.getXmlFragment(DOC_FRAGMENT), node, {
        mapping: new Map(),
        isOMark: new Map(),
      });
    }),
  );
  const event = await deps.events.record(deps.db, installmentId, 'version.restored', {
    version: number,
  });
  deps.events.publish(event);
  return presentVersionSummary(row);
}
