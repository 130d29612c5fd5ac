/**
 * The publishing contract: publish checks, immutable versions, diffs, restore
 * and import.
 */
import { z } from 'zod';
import { limits } from './limits.ts';
import { tooLongMessage } from './textLength.ts';
import type { Person } from './comments.ts';

export const publishInput = z.strictObject({
  note: z
    .string()
    .trim()
    .max(limits.versionNoteMax, {
      error: (issue) => tooLongMessage('Note', String(issue.input).length, limits.versionNoteMax),
    })
    .optional(),
});
export type PublishInput = z.infer<typeof publishInput>;

export const restoreInput = z.strictObject({
  version: z.number({ error: 'must be a version number' }).int().min(1),
  /**
   * The caller's editor already applied the version to the live draft, as its
   * own undoable edits: the server only checks and records the restore.
   */
  appliedByEditor: z.boolean({ error: 'must be true or false' }).optional(),
});
export type RestoreInput = z.infer<typeof restoreInput>;

export const importInput = z.strictObject({
  format: z.enum(['markdown', 'text'], { error: 'must be "markdown" or "text"' }),
  text: z
    .string({ error: 'must be a string' })
    .min(1, { error: 'must not be empty' })
    .max(limits.importMaxChars, { error: `must be at most ${limits.importMaxChars} characters` }),
});
export type ImportInput = z.infer<typeof importInput>;

/** One thing the author may want to fix before publishing; warnings can be overridden. */
export type PublishFinding =
  | { kind: 'unresolvedThreads'; count: number; threadIds: string[] }
  /** Suggestions nobody accepted or rejected yet; publishing leaves them out. */
  | { kind: 'pendingSuggestions'; count: number }
  | {
      kind: 'repeatedParagraph';
      /** Exact: same text; near: almost the same. */
      similarity: 'exact' | 'near';
      /** Zero-based indexes of the two top-level blocks, in document order. */
      first: number;
      second: number;
      excerpt: string;
    }
  | { kind: 'shortContent'; words: number }
  | { kind: 'emptyContent' }
  | { kind: 'missingTitle' };

export interface PublishChecks {
  findings: PublishFinding[];
  /** Publishing is refused (empty content); everything else is a warning. */
  blocking: boolean;
  /** The draft is identical to the latest version: publishing would change nothing. */
  unchanged: boolean;
}

export interface VersionSummary {
  id: string;
  installmentId: string;
  number: number;
  title: string;
  wordCount: number;
  /** SHA-256 (hex) of `contentHashInput(title, prosemirrorJson)`. */
  contentHash: string;
  publishedBy: Person;
  publishedAt: string;
  note: string;
  /** Taken down from readers (for good); the version itself is kept. */
  withdrawn: { by: Person; at: string } | null;
}

/**
 * The text a content hash is taken of: the title and the canonical
 * ProseMirror JSON. The server hashes versions and drafts with it, and the
 * editor its live document, so "draft differs from the published version"
 * means the same everywhere.
 */
export function contentHashInput(title: string, doc: unknown): string {
  return JSON.stringify({ title, doc });
}

/** The newest version readers can still see, from a newest-first list. */
export function latestLiveVersion<V extends Pick<VersionSummary, 'withdrawn'>>(
  versions: readonly V[],
): V | undefined {
  return versions.find((v) => v.withdrawn === null);
}

export interface Version extends VersionSummary {
  prosemirrorJson: unknown;
  html: string;
  markdown: string;
}

/** `POST /api/installments/:id/publish`: 201 with a new version, or 200 when nothing changed. */
export interface PublishResult {
  version: VersionSummary;
  created: boolean;
  message: string;
}

export interface DiffWord {
  value: string;
  added?: boolean;
  removed?: boolean;
}

/** A top-level block of the diff between two versions. */
export type DiffBlock =
  | { kind: 'same'; text: string; blockType: string }
  | { kind: 'added'; text: string; blockType: string }
  | { kind: 'removed'; text: string; blockType: string }
  | { kind: 'moved'; text: string; blockType: string; direction: 'from' | 'to' }
  | { kind: 'changed'; blockType: string; words: DiffWord[] };

export interface VersionDiff {
  from: number;
  to: number;
  blocks: DiffBlock[];
  summary: { added: number; removed: number; changed: number; moved: number };
}
