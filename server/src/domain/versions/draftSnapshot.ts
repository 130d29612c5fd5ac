/** The draft as it is now: canonical ProseMirror JSON, the node, and its Yjs state. */
import type { Node as PmNode } from '@tiptap/pm/model';
import { createHash } from 'node:crypto';
import { contentHashInput } from '@baton/shared/publish.ts';
import * as Y from 'yjs';
import type { DraftDocs } from '../../content/draftDocs.ts';
import { readDraftNode } from '../../content/draftContent.ts';

export interface DraftSnapshot {
  node: PmNode;
  json: unknown;
  yjsState: Uint8Array;
}

export function readDraftSnapshot(
  drafts: DraftDocs,
  installmentId: string,
): Promise<DraftSnapshot> {
  return drafts.read(installmentId, (doc) => {
    const node = readDraftNode(doc);
    return { node, json: node.toJSON(), yjsState: Y.encodeStateAsUpdate(doc) };
  });
}

/** Identifies a version's content: the title and the canonical document (see contentHashInput). */
export function contentHash(title: string, json: unknown): string {
  return createHash('sha256').update(contentHashInput(title, json)).digest('hex');
}
