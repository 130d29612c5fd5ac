import { toApiError } from '../api/useResource.ts';

const fieldNames: Record<string, string> = {
  body: 'The comment',
  quote: 'The quoted text',
  'anchor.start': 'The selection',
  'anchor.end': 'The selection',
};

/** What went wrong with a comment action, in one sentence for the person who tried. */
export function commentErrorText(error: unknown): string {
  const e = toApiError(error);
  const [field] = Object.entries(e.fields);
  if (field) return `${fieldNames[field[0]] ?? 'The request'} ${field[1]}.`;
  if (e.status === 404) return 'This comment no longer exists, or you no longer have access.';
  return e.message;
}
