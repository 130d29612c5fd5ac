/**
 * The JSON API contract: request schemas (zod, validated by the server) and
 * response shapes (typed by the client). Errors are always `ApiErrorBody`.
 */
import { z } from 'zod';
import { limits } from './limits.ts';
import type { Role } from './roles.ts';
import { slugPattern } from './slug.ts';
import { importInput } from './publish.ts';
import { tooLongMessage } from './textLength.ts';

// The client runs under a CSP without 'unsafe-eval'; zod's JIT probe would be
// refused (and logged) on every page. Validation here is never a hot path.
z.config({ jitless: true });

/** Over-long text is refused with its length, never cut (textLength.ts). */
const maxChars = (noun: string, max: number) =>
  z
    .string({ error: 'must be a string' })
    .trim()
    .max(max, { error: (issue) => tooLongMessage(noun, String(issue.input).length, max) });

const title = (max: number) => maxChars('Title', max).min(1, { error: 'must not be empty' });

export const createSeriesInput = z.strictObject({
  title: title(limits.seriesTitleMax),
  description: maxChars('Description', limits.seriesDescriptionMax).optional(),
});
export type CreateSeriesInput = z.infer<typeof createSeriesInput>;

export const updateSeriesInput = z
  .strictObject({
    title: title(limits.seriesTitleMax).optional(),
    slug: z
      .string()
      .trim()
      .min(1, { error: 'must not be empty' })
      .max(limits.slugMax, { error: `must be at most ${limits.slugMax} characters` })
      .regex(slugPattern, { error: 'use lowercase letters, digits and single hyphens' })
      .optional(),
    description: maxChars('Description', limits.seriesDescriptionMax).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { error: 'nothing to update' });
export type UpdateSeriesInput = z.infer<typeof updateSeriesInput>;

export const createInstallmentInput = z
  .strictObject({
    title: title(limits.installmentTitleMax).optional(),
    /** Start from a plain-text or Markdown file; its first line may become the title. */
    import: importInput.optional(),
  })
  .refine((v) => v.title !== undefined || v.import !== undefined, {
    error: 'give a title, or a file to import',
    path: ['title'],
  });
export type CreateInstallmentInput = z.infer<typeof createInstallmentInput>;

export const updateInstallmentInput = z.strictObject({
  title: title(limits.installmentTitleMax),
});
export type UpdateInstallmentInput = z.infer<typeof updateInstallmentInput>;

/** Path ids are opaque strings, bounded (limits.idMax). */
export const idParam = z.string().min(1).max(limits.idMax);

/** `PUT /api/series/:id/installment-order`: every live installment of the series, in reading order. */
export const installmentOrderInput = z.strictObject({
  installmentIds: z
    .array(idParam, { error: 'must be a list of installment ids' })
    .min(1, { error: 'must not be empty' })
    .max(limits.installmentsPerSeriesMax, {
      error: `must hold at most ${limits.installmentsPerSeriesMax} ids`,
    })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'must not repeat an id' }),
});
export type InstallmentOrderInput = z.infer<typeof installmentOrderInput>;

/** Stable error codes of the API. */
export const errorCodes = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'slug_taken',
  'last_owner',
  'already_member',
  'link_expired',
  'gone',
  'empty_content',
  'payload_too_large',
  'rate_limited',
  'invalid_content',
  'unsupported_media_type',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** For validation errors: the offending fields, as dotted paths, with what is wrong. */
    fields?: Record<string, string>;
  };
}

export interface SeriesSummary {
  id: string;
  slug: string;
  title: string;
  description: string;
  role: Role;
  installmentCount: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * How the draft compares with what readers see: its title and content hash
 * equal the latest published version that is not withdrawn ('published'),
 * differ from it ('unpublished-changes'), or there is no such version.
 */
export type DraftState = 'never-published' | 'published' | 'unpublished-changes';

export interface InstallmentSummary {
  id: string;
  seriesId: string;
  /** Stable: the reader's URL `/read/:slug/:number`. Never reused, also after a deletion. */
  number: number;
  /** Place in the reading order (1 first); reordering changes it, never the number. */
  position: number;
  title: string;
  wordCount: number;
  /** Unresolved comment threads. */
  openThreadCount: number;
  draftState: DraftState;
  createdAt: string;
  updatedAt: string;
}

export interface SeriesDetail extends SeriesSummary {
  /** In reading order. */
  installments: InstallmentSummary[];
  /** The number the next installment gets (a deleted installment's number is not reused). */
  nextInstallmentNumber: number;
}

export interface InstallmentDetail extends InstallmentSummary {
  series: { id: string; slug: string; title: string };
  role: Role;
  /** Plain text of the latest stored snapshot (empty until the first edit is saved). */
  excerpt: string;
  /** The server's size limits for the live document, in bytes of encoded state. */
  documentLimits: DocumentLimits;
}

export interface DocumentLimits {
  /** Past this, the editor warns that the installment is getting large. */
  warningBytes: number;
  /** Inserts that would pass this are refused (close code 4413). */
  maxBytes: number;
}

export interface HealthResponse {
  ok: true;
  /** "sqlite" or "postgres". */
  store?: string;
  /** Fan-out between instances: "disabled", "connected" or "disconnected". */
  fanout?: string;
}
