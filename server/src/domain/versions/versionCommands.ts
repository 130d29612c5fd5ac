/** Reading versions, diffing two, and restoring one into the draft. */
import type { Version, VersionDiff, VersionSummary } from '@baton/shared/publish.ts';
import {
  DOC_FRAGMENT,
  RESTORE_MAP,
  RESTORE_MARK_KEY,
  type RestoreMark,
} from '@baton/shared/protocol.ts';
import { updateYFragment } from '@tiptap/y-tiptap';
import type { LiveDrafts } from '../liveDrafts.ts';
import { editorSchema } from '../../content/editorSchema.ts';
import { notFound } from '../../errors/appError.ts';
import { nowIso } from '../../ids.ts';
import { diffDocuments } from '../../render/diffDocuments.ts';
import { readNode } from '../../render/pmJson.ts';
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
 * writer sees it live, and the draft's history is kept. The transaction also
 * writes a restore mark, so every editor can tell its writer which of their
 * words the restore removed (decision 0007). With `appliedByEditor` the
 * caller's editor made those edits itself (so its writer can undo them), and
 * the restore is only recorded.
 */
export async function restoreVersion(
  deps: VersionDeps & { registry: LiveDrafts },
  actor: Actor,
  installmentId: string,
  number: number,
  options: { appliedByEditor?: boolean } = {},
): Promise<VersionSummary> {
  await requireInstallmentCapability(deps.db, actor, installmentId, 'edit');
  const row = await selectVersion(deps.db, installmentId, number);
  if (!row) throw notFound('Version');
  if (!options.appliedByEditor) {
    const node = editorSchema.nodeFromJSON(JSON.parse(row.prosemirror_json));
    const mark: RestoreMark = {
      version: number,
      userId: actor.userId,
      name: actor.name,
      at: nowIso(),
    };
    await deps.registry.withRoom(installmentId, (room) =>
      room.applyServerChange((doc) => {
        updateYFragment(doc, doc.getXmlFragment(DOC_FRAGMENT), node, {
          mapping: new Map(),
          isOMark: new Map(),
        });
        doc.getMap(RESTORE_MAP).set(RESTORE_MARK_KEY, mark);
      }),
    );
  }
  const event = await deps.events.record(deps.db, installmentId, 'version.restored', {
    version: number,
  });
  deps.events.publish(event);
  return presentVersionSummary(row);
}
