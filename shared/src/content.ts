/**
 * The content API: scripts and writing assistants read and write an
 * installment's draft as Markdown, ProseMirror JSON or plain text. Writes go
 * through the live document as minimal Yjs edits, like a writer's.
 */
import { z } from 'zod';
import { limits } from './limits.ts';

export const contentFormats = ['markdown', 'json', 'text'] as const;
export type ContentFormat = (typeof contentFormats)[number];

const formatError = { error: 'must be "markdown", "json" or "text"' };

/** `GET /api/installments/:id/content?format=` (default markdown). */
export const contentQuery = z.strictObject({
  format: z.enum(contentFormats, formatError).default('markdown'),
});

const contentText = z
  .string({ error: 'must be a string' })
  .max(limits.importMaxChars, { error: `must be at most ${limits.importMaxChars} characters` });

/** `PUT /api/installments/:id/content`: the whole draft, replaced by its smallest change. */
export const putContentInput = z.strictObject({
  format: z.enum(contentFormats, formatError),
  /** The draft in that format; for `json`, a ProseMirror document serialized as a string. */
  text: contentText,
  /** `hash` of the draft this text was edited from: 409 if the draft changed since. */
  baseHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: 'must be a hash returned by GET …/content' })
    .optional(),
  /** Replace even if the draft changed since `baseHash`. */
  force: z.boolean({ error: 'must be true or false' }).optional(),
});
export type PutContentInput = z.infer<typeof putContentInput>;

/** `POST /api/installments/:id/content/append`: paragraphs added at the end of the draft. */
export const appendContentInput = z.strictObject({
  format: z.enum(['markdown', 'text'], { error: 'must be "markdown" or "text"' }),
  text: contentText.min(1, { error: 'must not be empty' }),
});
export type AppendContentInput = z.infer<typeof appendContentInput>;

/** The draft as the content API returns it (also the answer to writes). */
export interface DraftContentResponse {
  installmentId: string;
  format: ContentFormat;
  /** The draft in `format`; for `json`, the ProseMirror document serialized as a string. */
  text: string;
  /** SHA-256 of the canonical document: send it back as `baseHash`. */
  hash: string;
  wordCount: number;
}

/** The 409 body's `fields` carry `currentHash` when `baseHash` is stale. */
export const STALE_BASE_FIELD = 'currentHash';
