import type { CreateInstallmentInput, InstallmentSummary } from '@baton/shared/api.ts';
import { DOC_FRAGMENT } from '@baton/shared/protocol.ts';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import { readDraftContent } from '../../content/draftContent.ts';
import { editorSchema } from '../../content/editorSchema.ts';
import type { Database } from '../../db/schema.ts';
import { loadImport } from '../../render/loadOnFirstUse.ts';
import type { DocStore } from '../../store/docStore.ts';
import { type Actor, requireSeriesCapability } from '../access.ts';
import { newId, nowIso } from '../../ids.ts';
import { presentInstallment } from '../series/presentSeries.ts';

/**
 * Adds the next installment (numbered 1, 2, 3… per series, a deleted one's
 * number never reused; last in the reading order): with an empty draft, or
 * with the content of an imported plain-text or Markdown file.
 */
export async function createInstallment(
  db: Kysely<Database>,
  store: DocStore,
  actor: Actor,
  seriesId: string,
  input: CreateInstallmentInput,
): Promise<InstallmentSummary> {
  await requireSeriesCapability(db, actor, seriesId, 'edit');
  const imported = input.import
    ? (await loadImport()).importDocument(input.import, input.title)
    : null;
  const title = imported?.title ?? input.title ?? 'Untitled';
  const id = newId();
  let content: ReturnType<typeof readDraftContent> | null = null;
  if (imported) {
    // The draft's first update, written before the installment exists for anyone.
    const ydoc = prosemirrorJSONToYDoc(editorSchema, imported.doc.toJSON(), DOC_FRAGMENT);
    await store.append(id, Y.encodeStateAsUpdate(ydoc));
    // Read back as every later snapshot is, so hashes compare like for like.
    content = readDraftContent(ydoc);
    ydoc.destroy();
  }
  return db.transaction().execute(async (trx) => {
    // Deleted installments count: their numbers stay taken.
    const last = await trx
      .selectFrom('installment')
      .select((eb) => [eb.fn.max('number').as('number'), eb.fn.max('position').as('position')])
      .where('series_id', '=', seriesId)
      .executeTakeFirst();
    const now = nowIso();
    const row = {
      id,
      series_id: seriesId,
      number: Number(last?.number ?? 0) + 1,
      position: Number(last?.position ?? 0) + 1,
      title,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      deleted_by: null,
    };
    await trx.insertInto('installment').values(row).execute();
    await trx.updateTable('series').set({ updated_at: now }).where('id', '=', seriesId).execute();
    if (content) {
      await trx
        .insertInto('installment_content')
        .values({
          installment_id: id,
          prosemirror_json: JSON.stringify(content.json),
          plain_text: content.text,
          word_count: content.wordCount,
          updated_at: now,
        })
        .execute();
    }
    return presentInstallment(row, {
      wordCount: content?.wordCount ?? 0,
      draftState: 'never-published',
    });
  });
}
