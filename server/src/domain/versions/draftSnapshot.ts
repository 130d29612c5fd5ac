/** The draft as it is now: canonical ProseMirror JSON, the node, and its Yjs state. */
import type { Node as PmNode } from '@tiptap/pm/model';
import { createHash } from 'node:crypto';
import { documentJson } from '@baton/shared/blockSuggestions.ts';
import { contentHashInput } from '@baton/shared/publish.ts';
import * as Y from 'yjs';
import type { DraftDocs } from '../../content/draftDocs.ts';
import { readReadableDraft } from '../../content/draftContent.ts';

export interface DraftSnapshot {
  /** What readers would get: pending suggestions left out. */
  node: PmNode;
  json: unknown;
  pendingSuggestions: number;
  yjsState: Uint8Array;
}

export function readDraftSnapshot(
  drafts: DraftDocs,
  installmentId: string,
): Promise<DraftSnapshot> {
  return drafts.read(installmentId, (doc) => {
    const { node, pendingSuggestions } = readReadableDraft(doc);
    return {
      node,
      json: documentJson(node),
      pendingSuggestions,
      yjsState: Y.encodeStateAsUpdate(doc),
    };
  });
}

/** Identifies a version's content: the title and the canonical document (see contentHashInput). */
export function contentHash(title: string, json: unknown): string {
  return createHash('sha256').update(contentHashInput(title, json)).digest('hex');
}
