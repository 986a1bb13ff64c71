import { describe, expect, it } from 'vitest';
import { splitOfflineDebit } from './offline-split';

describe('splitOfflineDebit', () => {
  it('covers a payment the balance holds in full', () => {
    expect(splitOfflineDebit(3_000, 10_000)).toEqual({ coveredMinor: 3_000, shortfallMinor: 0 });
    expect(splitOfflineDebit(10_000, 10_000)).toEqual({ coveredMinor: 10_000, shortfallMinor: 0 });
  });

  it('takes the whole balance and leaves the rest short when the balance is less', () => {
    expect(splitOfflineDebit(5_000, 1_234)).toEqual({ coveredMinor: 1_234, shortfallMinor: 3_766 });
  });

  it('owes all of it when the balance is empty', () => {
    expect(splitOfflineDebit(5_000, 0)).toEqual({ coveredMinor: 0, shortfallMinor: 5_000 });
  });
});
