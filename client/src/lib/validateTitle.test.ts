import { describe, expect, it } from 'vitest';
import { validateInstallmentTitle, validateSeriesTitle } from './validateTitle.ts';

describe('title validation in the forms', () => {
  it('API-9 an over-long title gets its length and the limit, not a cut', () => {
    expect(validateSeriesTitle('x'.repeat(250))).toBe('Title is 250 characters; the limit is 200.');
    expect(validateInstallmentTitle(`  ${'y'.repeat(201)}  `)).toBe(
      'Title is 201 characters; the limit is 200.',
    );
    expect(validateSeriesTitle('x'.repeat(200))).toBeNull();
    expect(validateInstallmentTitle('   ')).toBe('Must not be empty.');
  });
});
