/**
 * The publishing contract: publish checks, immutable versions, diffs, restore
 * and import.
 */
import { z } from 'zod';
import { limits } from './limits.ts';
import type { Person } from './comments.ts';

export const publishInput = z.strictObject({
  note: z
    .string()
    .trim()
    .max(limits.versionNoteMax, { error: `must be at most ${limits.versionNoteMax} characters` })
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
  contentHash: string;
  publishedBy: Person;
  publishedAt: string;
  note: string;
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
