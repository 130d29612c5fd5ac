import { describe, expect, it } from 'vitest';
import { RateBudget } from './rateBudget.ts';

describe('RateBudget', () => {
  it('allows a burst of twice the rate, then refills at the rate', () => {
    const budget = new RateBudget({ messagesPerSecond: 10, awarenessPerSecond: 5 }, 0);
    let sent = 0;
    while (budget.take(false, 0)) sent++;
    expect(sent).toBe(20);
    expect(budget.take(false, 99)).toBe(false);
    expect(budget.take(false, 100)).toBe(true);
    expect(budget.take(false, 100)).toBe(false);
  });

  it('counts awareness against both budgets', () => {
    const budget = new RateBudget({ messagesPerSecond: 100, awarenessPerSecond: 2 }, 0);
    for (let i = 0; i < 4; i++) expect(budget.take(true, 0)).toBe(true);
    expect(budget.take(true, 0)).toBe(false);
    // Other messages still have budget left.
    expect(budget.take(false, 0)).toBe(true);
    expect(budget.take(true, 500)).toBe(true);
  });
});
