import { describe, expect, it } from 'vitest';
import { dutyMinutes, dutyToSave, readAdjustment, readTarget, subjectOfKey, targetsToSave, targetTexts } from './targets-draft';

const clerk = { kind: 'clerk', id: 'c1' } as const;
const pool = { kind: 'pool', id: 'p1' } as const;

describe('targets as typed', () => {
  it('shows what HQ holds in yuan and reads it back to the fen', () => {
    const texts = targetTexts([{ kind: 'clerk', subjectId: 'c1', amountMinor: 300_000 }, { kind: 'pool', subjectId: 'p1', amountMinor: 5 }]);
    expect(texts).toEqual({ 'clerk:c1': '3000.00', 'pool:p1': '0.05' });
    expect(readTarget(texts['clerk:c1']!)).toBe(300_000);
  });

  it('takes an empty box as no target, and refuses zero, negatives, a third decimal and words', () => {
    expect(readTarget('  ')).toBeNull();
    expect(readTarget('12.5')).toBe(1250);
    for (const text of ['0', '-5', '1.234', 'ten']) expect(readTarget(text)).toBe('invalid');
  });

  it('puts the boxes shown and keeps what HQ holds for a clerk who is not shown', () => {
    const held = [{ kind: 'clerk' as const, subjectId: 'gone', amountMinor: 100 }, { kind: 'clerk' as const, subjectId: 'c1', amountMinor: 200 }];
    expect(targetsToSave([clerk, pool], { 'clerk:c1': '', 'pool:p1': '80' }, held)).toEqual({
      ok: true,
      targets: [{ kind: 'clerk', subjectId: 'gone', amountMinor: 100 }, { kind: 'pool', subjectId: 'p1', amountMinor: 8000 }],
    });
  });

  it('names the boxes that hold no amount instead of saving', () => {
    expect(targetsToSave([clerk, pool], { 'clerk:c1': 'abc', 'pool:p1': '1' }, [])).toEqual({ ok: false, invalid: ['clerk:c1'] });
  });

  it('reads a subject back from its key', () => {
    expect(subjectOfKey('pool:p1')).toEqual(pool);
  });
});

describe('a day on duty', () => {
  it('puts every clerk with minutes in each pool, drops empty boxes and keeps pairs not shown', () => {
    const held = [{ poolId: 'old-counter', clerkId: 'c1', minutes: 60 }, { poolId: 'p1', clerkId: 'c1', minutes: 30 }];
    expect(dutyMinutes(held)).toEqual({ 'old-counter:c1': 60, 'p1:c1': 30 });
    expect(dutyToSave(['c1', 'c2'], ['p1', 's1'], { 'p1:c1': 480, 'p1:c2': null, 's1:c2': 0 }, held)).toEqual([
      { poolId: 'old-counter', clerkId: 'c1', minutes: 60 },
      { poolId: 'p1', clerkId: 'c1', minutes: 480 },
    ]);
  });
});

describe('an adjustment as typed', () => {
  it('takes an amount either way but not zero', () => {
    expect(readAdjustment('-12.34')).toBe(-1234);
    expect(readAdjustment('5')).toBe(500);
    for (const text of ['0', '0.00', '', 'x', '1000001']) expect(readAdjustment(text)).toBeNull();
  });
});
