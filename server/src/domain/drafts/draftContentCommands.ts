/**
 * The content API's commands: read the draft, replace it, append to it. Writes
 * run inside the live room as one server change (stored, then broadcast, like
 * a writer's edit), computed as the smallest change from the draft as it is at
 * that moment: connected writers see it live, their concurrent edits and carets
 * survive, and comment anchors on unchanged text stay.
 */
import type {
  AppendContentInput,
  ContentFormat,
  DraftContentResponse,
  PutContentInput,
} from '@baton/shared/content.ts';
import { STALE_BASE_FIELD } from '@baton/shared/content.ts';
import { DOC_FRAGMENT } from '@baton/shared/protocol.ts';
import { countWords } from '@baton/shared/text.ts';
import type { Node as PmNode } from '@tiptap/pm/model';
import { updateYFragment } from '@tiptap/y-tiptap';
import type { Kysely } from 'kysely';
import type * as Y from 'yjs';
import type { LiveDrafts } from '../liveDrafts.ts';
import { readDraftNode } from '../../content/draftContent.ts';
import type { DraftDocs } from '../../content/draftDocs.ts';
import { editorSchema } from '../../content/editorSchema.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors/appError.ts';
import { type Actor, requireInstallmentCapability } from '../access.ts';
import { draftHash, formatDraft, isBlank, parseDraftText } from './draftFormats.ts';

export interface DraftContentDeps {
  db: Kysely<Database>;
  drafts: DraftDocs;
  registry: LiveDrafts;
}

async function present(installmentId: string, node: PmNode, format: ContentFormat) {
  const text = await formatDraft(node, format);
  const plain = format === 'text' ? text : await formatDraft(node, 'text');
  return {
    installmentId,
    format,
    text,
    hash: draftHash(node),
    wordCount: countWords(plain),
  } satisfies DraftContentResponse;
}

export async function getDraftContent(
  deps: DraftContentDeps,
  actor: Actor,
  installmentId: string,
  format: ContentFormat,
): Promise<DraftContentResponse> {
  await requireInstallmentCapability(deps.db, actor, installmentId, 'read');
  const node = await deps.drafts.read(installmentId, readDraftNode);
  return present(installmentId, node, format);
}

/**
 * Changes the live draft to `next(current)` by its smallest change, in one
 * transaction; `next` runs against the draft as it is inside that transaction.
 */
async function changeDraft(
  deps: DraftContentDeps,
  installmentId: string,
  next: (current: PmNode) => PmNode,
): Promise<PmNode> {
  let result: PmNode | null = null;
  await deps.registry.withRoom(installmentId, (room) =>
    room.applyServerChange((doc: Y.Doc) => {
      const target = next(readDraftNode(doc));
      updateYFragment(doc, doc.getXmlFragment(DOC_FRAGMENT), target, {
        mapping: new Map(),
        isOMark: new Map(),
      });
      result = target;
    }),
  );
  return result!;
}

export async function replaceDraftContent(
  deps: DraftContentDeps,
  actor: Actor,
  installmentId: string,
  input: PutContentInput,
): Promise<DraftContentResponse> {
  await requireInstallmentCapability(deps.db, actor, installmentId, 'edit');
  const replacement = await parseDraftText(input.format, input.text);
  const node = await changeDraft(deps, installmentId, (current) => {
    const currentHash = draftHash(current);
    if (input.baseHash && !input.force && input.baseHash !== currentHash) {
      throw new AppError(
        'conflict',
        409,
        'The draft changed since you read it. Read it again and merge, or send force: true to replace it anyway.',
        { [STALE_BASE_FIELD]: currentHash },
      );
    }
    return replacement;
  });
  return present(installmentId, node, input.format);
}

export async function appendDraftContent(
  deps: DraftContentDeps,
  actor: Actor,
  installmentId: string,
  input: AppendContentInput,
): Promise<DraftContentResponse> {
  await requireInstallmentCapability(deps.db, actor, installmentId, 'edit');
  const added = await parseDraftText(input.format, input.text);
  const node = await changeDraft(deps, installmentId, (current) =>
    // A new draft's one empty paragraph gives way to the added text.
    isBlank(current)
      ? added
      : editorSchema.node('doc', null, current.content.append(added.content)),
  );
  return present(installmentId, node, input.format);
}
