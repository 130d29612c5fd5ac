import type { CreateInstallmentInput, InstallmentSummary } from '@baton/shared/api.ts';
import { countWords } from '@baton/shared/text.ts';
import { DOC_FRAGMENT } from '@baton/shared/protocol.ts';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import { editorSchema } from '../../content/editorSchema.ts';
import type { Database } from '../../db/schema.ts';
import { importDocument } from '../../publish/importDocument.ts';
import type { DocStore } from '../../store/docStore.ts';
import { type Actor, requireSeriesCapability } from '../access.ts';
import { newId, nowIso } from '../ids.ts';
import { presentInstallment } from '../series/presentSeries.ts';

/**
 * Adds the next installment (numbered 1, 2, 3… per series): with an empty
 * draft, or with the content of an imported plain-text or Markdown file.
 */
export async function createInstallment(
  db: Kysely<Database>,
  store: DocStore,
  actor: Actor,
  seriesId: string,
  input: CreateInstallmentInput,
): Promise<InstallmentSummary> {
  await requireSeriesCapability(db, actor, seriesId, 'edit');
  const imported = input.import ? importDocument(input.import, input.title) : null;
  const title = imported?.title ?? input.title ?? 'Untitled';
  const id = newId();
  if (imported) {
    // The draft's first update, written before the installment exists for anyone.
    const ydoc = prosemirrorJSONToYDoc(editorSchema, imported.doc.toJSON(), DOC_FRAGMENT);
    await store.append(id, Y.encodeStateAsUpdate(ydoc));
    ydoc.destroy();
  }
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('installment')
      .select((eb) => eb.fn.max('number').as('max'))
      .where('series_id', '=', seriesId)
      .executeTakeFirst();
    const now = nowIso();
    const row = {
      id,
      series_id: seriesId,
      number: Number(last?.max ?? 0) + 1,
      title,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('installment').values(row).execute();
    await trx.updateTable('series').set({ updated_at: now }).where('id', '=', seriesId).execute();
    let wordCount = 0;
    if (imported) {
      const text = imported.doc.textBetween(0, imported.doc.content.size, '\n\n', '\n').trim();
      wordCount = countWords(text);
      await trx
        .insertInto('installment_content')
        .values({
          installment_id: id,
          prosemirror_json: JSON.stringify(imported.doc.toJSON()),
          plain_text: text,
          word_count: wordCount,
          updated_at: now,
        })
        .execute();
    }
    return presentInstallment(row, wordCount);
  });
}
