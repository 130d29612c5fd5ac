import type { PublishChecks, PublishInput, PublishResult } from '@baton/shared/publish.ts';
import type { Kysely } from 'kysely';
import type { DraftDocs } from '../../content/draftDocs.ts';
import type { Database } from '../../db/schema.ts';
import type { InstallmentEvents } from '../../events/installmentEvents.ts';
import { AppError, notFound } from '../../errors/appError.ts';
import { loadMarkdown } from '../../render/loadOnFirstUse.ts';
import { readNode } from '../../render/pmJson.ts';
import { publishChecks } from './publishChecks.ts';
import { renderHtml } from '../../render/renderHtml.ts';
import { countWords } from '@baton/shared/text.ts';
import { type Actor, requireInstallmentCapability } from '../access.ts';
import { newId, nowIso } from '../../ids.ts';
import { contentHash, readDraftSnapshot } from './draftSnapshot.ts';
import { presentVersionSummary } from './presentVersion.ts';
import { selectVersionSummaries } from './versionQueries.ts';

export interface VersionDeps {
  db: Kysely<Database>;
  drafts: DraftDocs;
  events: InstallmentEvents;
}

async function prepare(deps: VersionDeps, installmentId: string) {
  const installment = await deps.db
    .selectFrom('installment')
    .select(['title'])
    .where('id', '=', installmentId)
    .executeTakeFirst();
  if (!installment) throw notFound('Installment');
  const draft = await readDraftSnapshot(deps.drafts, installmentId);
  const unresolved = await deps.db
    .selectFrom('comment_thread')
    .select('id')
    .where('installment_id', '=', installmentId)
    .where('resolved_at', 'is', null)
    .execute();
  const findings = publishChecks({
    title: installment.title,
    doc: readNode(draft.json),
    unresolvedThreadIds: unresolved.map((t) => t.id),
    pendingSuggestions: draft.pendingSuggestions,
  });
  const hash = contentHash(installment.title, draft.json);
  // Compared with what readers see: content equal to a withdrawn version may be published again.
  const latest = (await selectVersionSummaries(deps.db, installmentId)).find(
    (v) => v.withdrawn_at === null,
  );
  return { title: installment.title, draft, findings, hash, latest };
}

/** What publishing now would warn about (the publish dialog shows it first). */
export async function checkPublish(
  deps: VersionDeps,
  actor: Actor,
  installmentId: string,
): Promise<PublishChecks> {
  await requireInstallmentCapability(deps.db, actor, installmentId, 'publish');
  const { findings, hash, latest } = await prepare(deps, installmentId);
  return {
    findings,
    blocking: findings.some((f) => f.kind === 'emptyContent'),
    unchanged: latest?.content_hash === hash,
  };
}

/**
 * Publishes the draft as the next immutable version. Content identical to the
 * latest version readers see (not withdrawn) makes no new version. Empty content is refused; every other
 * finding is a warning the author has seen in the dialog.
 */
export async function publishInstallment(
  deps: VersionDeps,
  actor: Actor,
  installmentId: string,
  input: PublishInput,
): Promise<PublishResult> {
  await requireInstallmentCapability(deps.db, actor, installmentId, 'publish');
  const { title, draft, findings, hash, latest } = await prepare(deps, installmentId);
  if (latest && latest.content_hash === hash) {
    return {
      version: presentVersionSummary(latest),
      created: false,
      message: `Nothing changed since version ${latest.number}; no new version was made.`,
    };
  }
  if (findings.some((f) => f.kind === 'emptyContent')) {
    throw new AppError(
      'empty_content',
      422,
      'There is nothing to publish yet: the installment is empty.',
    );
  }
  const text = draft.node.textBetween(0, draft.node.content.size, '\n\n', '\n');
  const { toMarkdown } = await loadMarkdown();
  const { summary, event } = await deps.db.transaction().execute(async (trx) => {
    // After the highest number ever used: a withdrawn version's number is not reused.
    const last = await trx
      .selectFrom('installment_version')
      .select((eb) => eb.fn.max('number').as('max'))
      .where('installment_id', '=', installmentId)
      .executeTakeFirst();
    const row = {
      id: newId(),
      installment_id: installmentId,
      number: Number(last?.max ?? 0) + 1,
      title,
      prosemirror_json: JSON.stringify(draft.json),
      html: renderHtml(draft.json),
      markdown: toMarkdown(draft.node),
      yjs_state: draft.yjsState,
      word_count: countWords(text),
      content_hash: hash,
      published_by: actor.userId,
      published_at: nowIso(),
      note: input.note ?? '',
    };
    await trx.insertInto('installment_version').values(row).execute();
    const summary = presentVersionSummary({
      ...row,
      publisher_name: actor.name,
      withdrawn_at: null,
      withdrawn_by: null,
      withdrawer_name: null,
    });
    const event = await deps.events.record(trx, installmentId, 'version.published', {
      version: summary,
    });
    return { summary, event };
  });
  deps.events.publish(event);
  return { version: summary, created: true, message: `Published version ${summary.number}.` };
}
