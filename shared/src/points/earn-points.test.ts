import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earnPoints, ruleForLine, saleEarning, type EarnLine, type EarnRule } from './earn-points';

const GOLD = 'gold';
const rule = (id: string, over: Partial<EarnRule> = {}): EarnRule => ({ id, memberLevelId: null, categoryId: null, rateBp: 10_000, validFrom: null, validTo: null, ...over });
const line = (lineId: string, netMinor: number, over: Partial<EarnLine> = {}): EarnLine => ({ lineId, netMinor, categoryIds: [], multiplierBp: 10_000, ...over });
const earn = (lines: EarnLine[], rules: EarnRule[], pointsPaidMinor = 0) => earnPoints({ lines, memberLevelId: GOLD, businessDate: '2026-06-01', pointsPaidMinor, rules });

describe('earnPoints', () => {
  it('earns one point per yuan of net amount at 10000 bp, rounded down once per sale', () => {
    expect(earn([line('a', 1_250), line('b', 1_250)], [rule('base')]).points).toBe(25);
    expect(earn([line('a', 1_299)], [rule('base')]).points).toBe(12);
  });

  it('rounds the sale, not each line: two lines of ¥0.50 earn one point', () => {
    expect(earn([line('a', 50), line('b', 50)], [rule('base')]).points).toBe(1);
  });

  it('uses the member level’s rate over the rate for every level', () => {
    const rules = [rule('base'), rule('gold', { memberLevelId: GOLD, rateBp: 15_000 }), rule('silver', { memberLevelId: 'silver', rateBp: 30_000 })];
    expect(earn([line('a', 10_000)], rules).points).toBe(150);
  });

  it('uses the nearest category’s rule, which covers the categories under it', () => {
    const rules = [rule('base', { memberLevelId: GOLD, rateBp: 15_000 }), rule('drinks', { categoryId: 'drinks', rateBp: 20_000 }), rule('tea', { categoryId: 'tea', rateBp: 30_000 })];
    expect(earn([line('a', 10_000, { categoryIds: ['juice', 'drinks'] })], rules).points).toBe(200);
    expect(earn([line('a', 10_000, { categoryIds: ['tea', 'drinks'] })], rules).points).toBe(300);
    expect(earn([line('a', 10_000, { categoryIds: ['bread'] })], rules).points).toBe(150);
  });

  it('applies a rule only on the business days of its span', () => {
    const rules = [rule('base'), rule('june', { rateBp: 50_000, validFrom: '2026-06-01', validTo: '2026-06-01', categoryId: 'x' })];
    expect(earn([line('a', 10_000, { categoryIds: ['x'] })], rules).points).toBe(500);
    expect(earnPoints({ lines: [line('a', 10_000, { categoryIds: ['x'] })], memberLevelId: GOLD, businessDate: '2026-06-02', pointsPaidMinor: 0, rules }).points).toBe(100);
  });

  it('multiplies a line’s points by the promotion’s multiplier', () => {
    expect(earn([line('a', 10_000, { multiplierBp: 20_000 }), line('b', 10_000)], [rule('base')]).points).toBe(300);
  });

  it('earns nothing without a rule', () => {
    expect(earn([line('a', 10_000)], []).points).toBe(0);
    expect(ruleForLine(line('a', 1), GOLD, '2026-06-01', [rule('other', { memberLevelId: 'silver' })])).toBeNull();
  });

  it('does not earn on what points paid', () => {
    const earned = earn([line('a', 3_000), line('b', 1_000)], [rule('base')], 2_000);
    expect(earned.points).toBe(20);
    expect(earned.lines.map((l) => l.baseMinor)).toEqual([1_500, 500]);
  });

  it('never earns more than the exact points, nor a point less', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ net: fc.integer({ min: 0, max: 10_000_000 }), multiplierBp: fc.integer({ min: 10_000, max: 100_000 }) }), { minLength: 1, maxLength: 20 }),
      fc.integer({ min: 0, max: 200_000 }),
      (raw, rateBp) => {
        const lines = raw.map((r, i) => line(String(i), r.net, { multiplierBp: r.multiplierBp }));
        const exact = raw.reduce((sum, r) => sum + (r.net * rateBp * r.multiplierBp) / 1e10, 0);
        const { points } = earn(lines, [rule('base', { rateBp })]);
        expect(points).toBeLessThanOrEqual(exact + 1e-6);
        expect(points).toBeGreaterThan(exact - 1 - 1e-6);
      },
    ));
  });

  it('spreads what points paid over the lines so the bases add up to the rest', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 10 }), fc.integer({ min: 0, max: 2_000_000 }), (nets, paid) => {
      const total = nets.reduce((a, b) => a + b, 0);
      const { lines } = earn(nets.map((n, i) => line(String(i), n)), [rule('base')], paid);
      expect(lines.reduce((sum, l) => sum + l.baseMinor, 0)).toBe(total - Math.min(paid, total));
      lines.forEach((l) => expect(l.baseMinor).toBeGreaterThanOrEqual(0));
    }));
  });
});

describe('saleEarning', () => {
  type Recorded = Parameters<typeof saleEarning>[0]['sale'];
  const soldLine = (id: string, productId: string, netMinor: number, giftRuleId: string | null = null) => ({ id, productId, netMinor, giftRuleId });
  const sale = (lines: ReturnType<typeof soldLine>[], pointsMinor = 0) => ({
    lines, payments: [{ tender: 'cash', amountMinor: 1 }, ...(pointsMinor ? [{ tender: 'points', amountMinor: pointsMinor }] : [])],
  }) as unknown as Recorded;
  const facts = new Map([['cola', { categoryId: 'soda', ancestorCategoryIds: ['drinks'] }]]);

  it('earns on every line but the gifts, by the rule of the product’s nearest category and the line’s multiplier', () => {
    const earned = saleEarning({
      sale: sale([soldLine('l1', 'cola', 1_000), soldLine('l2', 'bread', 500), soldLine('l3', 'cola', 0, 'gift-rule')]),
      facts, multipliers: new Map([['l2', 30_000]]), memberLevelId: GOLD, businessDate: '2026-06-01',
      rules: [rule('every'), rule('drinks', { categoryId: 'drinks', rateBp: 20_000 })],
    });
    expect(earned.lines.map((l) => [l.lineId, l.ruleId, l.multiplierBp])).toEqual([['l1', 'drinks', 10_000], ['l2', 'every', 30_000]]);
    expect(earned.points).toBe(20 + 15);
  });

  it('earns nothing on what points paid', () => {
    const earned = saleEarning({ sale: sale([soldLine('l1', 'bread', 1_000)], 400), facts, multipliers: new Map(), memberLevelId: GOLD, businessDate: '2026-06-01', rules: [rule('every')] });
    expect(earned.points).toBe(6);
  });
});
