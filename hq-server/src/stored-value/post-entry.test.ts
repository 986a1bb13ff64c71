import { describe, expect, it } from 'vitest';
import { bonusPartOfDebit } from './post-entry';

describe('bonusPartOfDebit', () => {
  it('spends the member’s own money before bonus money by default', () => {
    expect(bonusPartOfDebit(300, 550, 50, false)).toBe(0);
    expect(bonusPartOfDebit(520, 550, 50, false)).toBe(20);
    expect(bonusPartOfDebit(550, 550, 50, false)).toBe(50);
  });

  it('spends bonus money first when the chain says so', () => {
    expect(bonusPartOfDebit(30, 550, 50, true)).toBe(30);
    expect(bonusPartOfDebit(300, 550, 50, true)).toBe(50);
  });

  it('never takes more bonus money than the account holds, nor leaves more than its balance', () => {
    for (const first of [true, false]) {
      for (let debit = 0; debit <= 550; debit += 11) {
        const part = bonusPartOfDebit(debit, 550, 50, first);
        expect(part).toBeGreaterThanOrEqual(0);
        expect(part).toBeLessThanOrEqual(Math.min(50, debit));
        expect(50 - part).toBeLessThanOrEqual(550 - debit);
      }
    }
  });
});
