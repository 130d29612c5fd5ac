import { describe, expect, it } from 'vitest';
import { documentSizeNotice, formatDocumentSize } from './documentSize.ts';

const MB = 1024 * 1024;
const limits = { warningBytes: 8 * MB, maxBytes: 16 * MB };

describe('formatDocumentSize', () => {
  it('shows megabytes with one decimal, and none when it is zero', () => {
    expect(formatDocumentSize(9.2 * MB)).toBe('9.2 MB');
    expect(formatDocumentSize(16 * MB)).toBe('16 MB');
    expect(formatDocumentSize(15.96 * MB)).toBe('16 MB');
    expect(formatDocumentSize(1 * MB)).toBe('1 MB');
  });

  it('counts kilobytes below a megabyte', () => {
    expect(formatDocumentSize(0)).toBe('0 KB');
    expect(formatDocumentSize(100_000)).toBe('98 KB');
    expect(formatDocumentSize(1000)).toBe('1 KB');
    // 1023.9 KB would round to "1024 KB": that is a megabyte.
    expect(formatDocumentSize(MB - 100)).toBe('1 MB');
  });
});

describe('documentSizeNotice', () => {
  it('says nothing below the warning threshold', () => {
    expect(documentSizeNotice(0, limits)).toBeNull();
    expect(documentSizeNotice(8 * MB - 1, limits)).toBeNull();
  });

  it('warns from the warning threshold on', () => {
    expect(documentSizeNotice(8 * MB, limits)).toEqual({
      level: 'warning',
      text: 'This installment is large: 8 MB of its 16 MB limit. Consider continuing in a new installment.',
    });
    expect(documentSizeNotice(9.2 * MB, limits)?.text).toBe(
      'This installment is large: 9.2 MB of its 16 MB limit. Consider continuing in a new installment.',
    );
  });

  it('turns urgent at 95 % of the limit, and stays urgent past it', () => {
    expect(documentSizeNotice(0.95 * 16 * MB - 1, limits)?.level).toBe('warning');
    expect(documentSizeNotice(0.95 * 16 * MB, limits)).toEqual({
      level: 'urgent',
      text: 'This installment is almost full: 15.2 MB of its 16 MB limit. Changes past the limit will not be saved, so continue in a new installment.',
    });
    expect(documentSizeNotice(17 * MB, limits)?.level).toBe('urgent');
  });

  it('is urgent near the limit even when the warning threshold is set higher', () => {
    expect(
      documentSizeNotice(15.5 * MB, { warningBytes: 15.9 * MB, maxBytes: 16 * MB })?.level,
    ).toBe('urgent');
  });

  it('reads sensibly with small configured limits', () => {
    expect(documentSizeNotice(1500, { warningBytes: 1000, maxBytes: 100_000 })?.text).toBe(
      'This installment is large: 1 KB of its 98 KB limit. Consider continuing in a new installment.',
    );
  });
});
