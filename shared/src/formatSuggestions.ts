/**
 * The formatting a `suggestionFormat` mark records: the text's marks before
 * the suggestion, other than suggestion marks, as a JSON array of
 * ProseMirror mark JSON (`[{"type":"bold"},{"type":"link","attrs":{…}}]`).
 * The editor writes it, the settling functions and the server read it; it
 * comes from the shared document, so reading it checks its shape. DOM-free.
 */
import type { Mark, Schema } from '@tiptap/pm/model';
import { z } from 'zod';
import { suggestionMarkNames } from './suggestionMarks.ts';

const recordedSchema = z.array(
  z.object({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional() }),
);

/** One recorded mark: its name and attributes. */
export type RecordedMark = z.infer<typeof recordedSchema>[number];

/** `marks` without the suggestion marks: the text's formatting. */
export function formattingOf(marks: readonly Mark[]): Mark[] {
  return marks.filter((mark) => !suggestionMarkNames.includes(mark.type.name));
}

/** What a `suggestionFormat` mark records for text that had `marks`. */
export function recordFormatting(marks: readonly Mark[]): string {
  return JSON.stringify(formattingOf(marks).map((mark) => mark.toJSON() as RecordedMark));
}

/** The recorded marks, or null when `before` is not a record (anyone could have written it). */
export function readRecord(before: string): RecordedMark[] | null {
  try {
    const parsed = recordedSchema.safeParse(JSON.parse(before));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The recorded marks in `schema`; marks it does not know are left out. */
export function recordedMarks(schema: Schema, before: string): Mark[] {
  const marks: Mark[] = [];
  for (const { type, attrs } of readRecord(before) ?? []) {
    const markType = schema.marks[type];
    if (!markType || suggestionMarkNames.includes(type)) continue;
    try {
      marks.push(markType.create(attrs ?? null));
    } catch {
      // Attributes the mark cannot take: leave it out rather than fail to read the draft.
    }
  }
  return marks;
}
