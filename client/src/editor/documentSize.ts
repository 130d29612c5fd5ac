/**
 * What to tell the writer about the size of the live document, given the
 * server's limits (bytes of the encoded Yjs state, as the server counts them).
 */
import type { DocumentLimits } from '@baton/shared/api.ts';

/** From this share of the hard limit on, the notice turns urgent. */
export const URGENT_SHARE_OF_MAX = 0.95;

export type DocumentSizeLevel = 'warning' | 'urgent';

export interface DocumentSizeNotice {
  level: DocumentSizeLevel;
  text: string;
}

const KB = 1024;
const MB = 1024 * 1024;

/**
 * "9.2 MB", "16 MB" (one decimal, none when it is zero). Below a megabyte it
 * counts kilobytes instead: "0 MB" would say nothing when a server is configured
 * with small limits.
 */
export function formatDocumentSize(bytes: number): string {
  const kilobytes = Math.round(bytes / KB);
  if (kilobytes < KB) return `${kilobytes} KB`;
  return `${(bytes / MB).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** The notice to show for a document of `bytes`, or null while it is comfortably small. */
export function documentSizeNotice(
  bytes: number,
  { warningBytes, maxBytes }: DocumentLimits,
): DocumentSizeNotice | null {
  const sizes = `${formatDocumentSize(bytes)} of its ${formatDocumentSize(maxBytes)} limit`;
  // Urgent even if the warning threshold is configured above 95 %: the writer
  // should hear about it before the server starts refusing changes.
  if (bytes >= maxBytes * URGENT_SHARE_OF_MAX) {
    return {
      level: 'urgent',
      text: `This installment is almost full: ${sizes}. Changes past the limit will not be saved, so continue in a new installment.`,
    };
  }
  if (bytes >= warningBytes) {
    return {
      level: 'warning',
      text: `This installment is large: ${sizes}. Consider continuing in a new installment.`,
    };
  }
  return null;
}
