import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlightSegments.ts';

const seed = Number(process.env.BATON_SEED ?? 1);

const highlights = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })), {
    maxLength: 8,
  })
  .map((ranges) => ranges.map(([from, to], i) => ({ id: `t${i}`, from, to })));

describe('highlightSegments', () => {
  it('CMT-9 every offset is covered by at most one segment, naming exactly the highlights over it', () => {
    fc.assert(
      fc.property(highlights, (input) => {
        const segments = highlightSegments(input);
        for (let offset = 0; offset < 60; offset++) {
          const covering = segments.filter((s) => s.from <= offset && offset < s.to);
          const expected = input.filter((h) => h.from <= offset && offset < h.to).map((h) => h.id);
          expect(covering.length).toBe(expected.length > 0 ? 1 : 0);
          if (covering[0]) expect(covering[0].ids).toEqual(expected);
        }
      }),
      { numRuns: 500, seed },
    );
  });
});
