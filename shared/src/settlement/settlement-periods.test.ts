import { describe, expect, it } from 'vitest';
import { isSettlementPeriodKey, previousSettlementPeriod, recentSettlementPeriods, settlementPeriod, settlementPeriodOf } from './settlement-periods';

describe('settlement periods', () => {
  it('names a month by YYYY-MM and a quarter by YYYY-Qn, each from its first to its last day', () => {
    expect(settlementPeriod('monthly', '2028-02')).toEqual({ key: '2028-02', from: '2028-02-01', to: '2028-02-29' });
    expect(settlementPeriod('quarterly', '2026-Q4')).toEqual({ key: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
  });

  it('refuses a key of the other cycle', () => {
    expect(isSettlementPeriodKey('monthly', '2026-Q4')).toBe(false);
    expect(isSettlementPeriodKey('quarterly', '2026-11')).toBe(false);
    expect(isSettlementPeriodKey('monthly', '2026-13')).toBe(false);
  });

  it('finds the period of a day, the one before it, and the recent ones latest first', () => {
    expect(settlementPeriodOf('quarterly', '2026-11-22').key).toBe('2026-Q4');
    expect(previousSettlementPeriod('monthly', settlementPeriod('monthly', '2027-01')).key).toBe('2026-12');
    expect(previousSettlementPeriod('quarterly', settlementPeriod('quarterly', '2027-Q1')).key).toBe('2026-Q4');
    expect(recentSettlementPeriods('monthly', '2026-11-22', 3).map((p) => p.key)).toEqual(['2026-11', '2026-10', '2026-09']);
  });
});
