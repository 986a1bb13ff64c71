import { describe, expect, it } from 'vitest';
import { levelMove, renewedUntil, type RuledLevel, type Standing } from './level-rules';

const level = (id: string, rank: number, more: Partial<RuledLevel> = {}): RuledLevel => ({
  id, rank, active: true, ruleBasis: null, ruleThreshold: null, rulePeriodDays: 365, isDefault: false, paidPeriodMonths: null, ...more,
});
const basic = level('basic', 0, { isDefault: true });
const silver = level('silver', 1, { ruleBasis: 'spend', ruleThreshold: 100_000, rulePeriodDays: 365 });
const gold = level('gold', 2, { ruleBasis: 'points', ruleThreshold: 5_000 });
const vip = level('vip', 3, { paidPeriodMonths: 12 });
const staff = level('staff', 1);
const levels = [basic, silver, gold, vip, staff];

const standing = (levelId: string, spend: number, points = 0, paidUntil: string | null = null): Standing => ({ levelId, paidUntil, points, spendOverDays: () => spend });

describe('the level job’s rules', () => {
  it('upgrades a member who meets a better level’s rule, the best one met', () => {
    expect(levelMove(standing('basic', 150_000), levels, '2026-12-02')).toEqual({ levelId: 'silver', kind: 'upgraded' });
    expect(levelMove(standing('basic', 150_000, 6_000), levels, '2026-12-02')).toEqual({ levelId: 'gold', kind: 'upgraded' });
  });

  it('downgrades one who no longer meets their level’s rule, to the default at the bottom', () => {
    expect(levelMove(standing('gold', 150_000, 100), levels, '2026-12-02')).toEqual({ levelId: 'silver', kind: 'downgraded' });
    expect(levelMove(standing('silver', 10), levels, '2026-12-02')).toEqual({ levelId: 'basic', kind: 'downgraded' });
  });

  it('changes nothing for a member where they belong, so a second run is a no-op', () => {
    const first = levelMove(standing('basic', 150_000), levels, '2026-12-02')!;
    expect(levelMove(standing(first.levelId, 150_000), levels, '2026-12-02')).toBeNull();
    expect(levelMove(standing('basic', 0), levels, '2026-12-02')).toBeNull();
  });

  it('keeps a paid member until the day after paid-until, then lets the rules decide', () => {
    expect(levelMove(standing('vip', 0, 0, '2026-12-02'), levels, '2026-12-02')).toBeNull();
    expect(levelMove(standing('vip', 0, 0, '2026-12-01'), levels, '2026-12-02')).toEqual({ levelId: 'basic', kind: 'expired' });
    expect(levelMove(standing('vip', 200_000, 0, '2026-12-01'), levels, '2026-12-02')).toEqual({ levelId: 'silver', kind: 'expired' });
  });

  it('leaves a level HQ set by hand, and skips inactive levels', () => {
    expect(levelMove(standing('staff', 500_000, 9_000), levels, '2026-12-02')).toBeNull();
    expect(levelMove(standing('basic', 0, 9_000), [basic, { ...gold, active: false }], '2026-12-02')).toBeNull();
  });
});

describe('renewal', () => {
  it('extends from the current end while it runs, from today once it lapsed', () => {
    expect(renewedUntil('2026-12-31', '2026-12-02', 12)).toBe('2027-12-31');
    expect(renewedUntil('2026-01-15', '2026-12-02', 12)).toBe('2027-12-02');
    expect(renewedUntil(null, '2026-12-02', 1)).toBe('2027-01-02');
  });

  it('ends on the month’s last day when the day does not exist', () => {
    expect(renewedUntil(null, '2027-01-31', 1)).toBe('2027-02-28');
    expect(renewedUntil('2028-01-31', '2027-12-01', 1)).toBe('2028-02-29');
  });
});
