import { describe, expect, it } from 'vitest';
import { createInstallmentInput, createSeriesInput, updateSeriesInput } from './api.ts';
import { limits } from './limits.ts';
import { publishInput } from './publish.ts';
import { tooLong, tooLongMessage } from './textLength.ts';

const messages = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('text over its limit', () => {
  it('API-9 says how long the text is and what the limit is, counting as the API does (trimmed)', () => {
    expect(tooLongMessage('Title', 1234, 200)).toBe('Title is 1,234 characters; the limit is 200');
    expect(tooLong('Title', 'x'.repeat(200), 200)).toBeNull();
    expect(tooLong('Title', `  ${'x'.repeat(200)}  `, 200)).toBeNull();
    expect(tooLong('Title', 'x'.repeat(201), 200)).toBe(
      'Title is 201 characters; the limit is 200',
    );
  });

  it('API-9 the shared schemas refuse over-long titles and notes with that message instead of cutting them', () => {
    const longSeries = 'x'.repeat(limits.seriesTitleMax + 50);
    expect(messages(createSeriesInput.safeParse({ title: longSeries }))).toEqual([
      `title: Title is 250 characters; the limit is ${limits.seriesTitleMax}`,
    ]);
    expect(messages(updateSeriesInput.safeParse({ title: ` ${longSeries} ` }))).toEqual([
      `title: Title is 250 characters; the limit is ${limits.seriesTitleMax}`,
    ]);
    const longPart = 'y'.repeat(limits.installmentTitleMax + 1);
    expect(messages(createInstallmentInput.safeParse({ title: longPart }))).toEqual([
      `title: Title is 201 characters; the limit is ${limits.installmentTitleMax}`,
    ]);
    const longNote = 'z'.repeat(limits.versionNoteMax + 1);
    expect(messages(publishInput.safeParse({ note: longNote }))).toEqual([
      `note: Note is 1,001 characters; the limit is 1,000`,
    ]);
    expect(
      createSeriesInput.parse({ title: 'x'.repeat(limits.seriesTitleMax) }).title,
    ).toHaveLength(limits.seriesTitleMax);
  });
});
