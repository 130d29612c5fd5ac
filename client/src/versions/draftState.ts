/**
 * The draft marker computed in the editor: the live document hashed exactly
 * as the server hashes drafts and versions (SHA-256 of `contentHashInput`),
 * against the latest version readers can see.
 */
import type { DraftState } from '@baton/shared/api.ts';
import { contentHashInput, latestLiveVersion, type VersionSummary } from '@baton/shared/publish.ts';
import { toHexString } from 'lib0/buffer';
import { digest } from 'lib0/hash/sha256';
import { encodeUtf8 } from 'lib0/string';

/** The content hash of a title and a canonical ProseMirror document. */
export function contentHash(title: string, doc: unknown): string {
  return toHexString(digest(encodeUtf8(contentHashInput(title, doc))));
}

/** How a draft with this hash compares with the versions (newest first). */
export function draftStateOf(
  draftHash: string,
  versions: readonly Pick<VersionSummary, 'contentHash' | 'withdrawn'>[],
): DraftState {
  const live = latestLiveVersion(versions);
  if (!live) return 'never-published';
  return live.contentHash === draftHash ? 'published' : 'unpublished-changes';
}

export const draftStateLabels: Record<DraftState, string> = {
  'never-published': 'Never published',
  published: 'Published',
  'unpublished-changes': 'Unpublished changes',
};

export const draftStateHints: Record<DraftState, string> = {
  'never-published': 'Readers see nothing of this installment yet.',
  published: 'Readers see exactly this text.',
  'unpublished-changes': 'The draft differs from what readers see. Publish to show them.',
};
