import { describe, expect, it } from 'vitest';
import { minor } from '../money/money';
import { creditedShares, parseSharePercent, saleLineClerks, sameShares, shareBetween, sharePercentText, splitByShares } from './line-clerk-shares';

const ann = '0192f0e4-0000-7000-8000-000000000014';
const bob = '0192f0e4-0000-7000-8000-000000000015';

describe('line clerk shares', () => {
  it('credits a line from an older till, with only a clerk, wholly to that clerk, and a cashier’s line to nobody', () => {
    expect(creditedShares({ clerkId: ann })).toEqual([{ clerkId: ann, shareBp: 10_000 }]);
    expect(creditedShares({ clerkId: null })).toEqual([]);
    const shared = [{ clerkId: ann, shareBp: 6000 }, { clerkId: bob, shareBp: 4000 }];
    expect(creditedShares({ clerkId: ann, clerkShares: shared })).toEqual(shared);
  });

  it('puts the first clerk in clerkId and the shares on the sale only when a line is shared', () => {
    expect(saleLineClerks([])).toEqual({ clerkId: null });
    expect(saleLineClerks([{ clerkId: ann, shareBp: 10_000 }])).toEqual({ clerkId: ann });
    const shared = [{ clerkId: bob, shareBp: 3000 }, { clerkId: ann, shareBp: 7000 }];
    expect(saleLineClerks(shared)).toEqual({ clerkId: bob, clerkShares: shared });
  });

  it('shares a line between two clerks by the first one’s share, the second taking the rest', () => {
    expect(shareBetween(ann, bob, 6000)).toEqual({ ok: true, shares: [{ clerkId: ann, shareBp: 6000 }, { clerkId: bob, shareBp: 4000 }] });
    expect(shareBetween(ann, null, 6000)).toEqual({ ok: true, shares: [{ clerkId: ann, shareBp: 10_000 }] });
    expect(shareBetween(ann, ann.toUpperCase(), 5000)).toEqual({ ok: false, code: 'SHARE_SAME_CLERK' });
    for (const bp of [0, 10_000, 50.5, -1]) expect(shareBetween(ann, bob, bp)).toEqual({ ok: false, code: 'SHARE_INVALID' });
  });

  it('reads a share typed in whole or decimal percent as basis points, refusing none and all', () => {
    expect(parseSharePercent('60')).toBe(6000);
    expect(parseSharePercent(' 33.33 %')).toBe(3333);
    expect(parseSharePercent('12,5')).toBe(1250);
    expect(parseSharePercent('0.01')).toBe(1);
    for (const text of ['', '0', '100', '150', '-5', 'abc', '1.234']) expect(parseSharePercent(text)).toBeNull();
    expect(sharePercentText(6000)).toBe('60');
    expect(sharePercentText(3333)).toBe('33.33');
  });

  it('tells two lines’ credits apart by clerk, share and order', () => {
    const a = [{ clerkId: ann, shareBp: 6000 }, { clerkId: bob, shareBp: 4000 }];
    expect(sameShares(a, a.map((s) => ({ ...s })))).toBe(true);
    expect(sameShares(a, [a[1]!, a[0]!])).toBe(false);
    expect(sameShares([], [])).toBe(true);
    expect(sameShares([], [{ clerkId: ann, shareBp: 10_000 }])).toBe(false);
  });

  it('splits an amount over the shares so the parts always add up to it', () => {
    const shares = [{ clerkId: ann, shareBp: 3333 }, { clerkId: bob, shareBp: 6667 }];
    for (const amount of [0, 1, 99, 1001, 123_457, -250]) {
      const parts = splitByShares(minor(amount), shares);
      expect(parts.reduce((sum, p) => sum + p.amountMinor, 0)).toBe(amount);
    }
    expect(splitByShares(minor(1000), [{ clerkId: ann, shareBp: 6000 }, { clerkId: bob, shareBp: 4000 }])).toEqual([
      { clerkId: ann, amountMinor: 600 }, { clerkId: bob, amountMinor: 400 },
    ]);
  });
});
