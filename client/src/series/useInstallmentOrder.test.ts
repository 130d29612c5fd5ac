import type { InstallmentSummary } from '@baton/shared/api.ts';
import { describe, expect, it } from 'vitest';
import { moved } from './useInstallmentOrder.ts';

const part = (number: number) =>
  ({ id: `i${number}`, number, position: number }) as InstallmentSummary;

describe('moving an installment in the reading order', () => {
  it('INST-2 moves one place and renumbers positions, never numbers', () => {
    const list = [part(1), part(2), part(3)];
    expect(moved(list, 2, 1).map((i) => [i.number, i.position])).toEqual([
      [1, 1],
      [3, 2],
      [2, 3],
    ]);
    expect(moved(list, 0, 1).map((i) => i.number)).toEqual([2, 1, 3]);
    expect(list.map((i) => i.position)).toEqual([1, 2, 3]);
  });
});
