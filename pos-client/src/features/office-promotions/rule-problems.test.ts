import { describe, expect, it } from 'vitest';
import { newRule } from './rule-defaults';
import { problemAt, ruleProblems } from './rule-problems';

const id = '0193a6d2-7c1e-7a00-8000-000000000001';

describe('rule problems', () => {
  it('asks for a name and at least one product on a new item discount', () => {
    const problems = ruleProblems(newRule('item_discount', id));
    expect(problems).toEqual([
      { path: 'name', key: 'required', params: {} },
      { path: 'args.productIds', key: 'pickOne', params: {} },
    ]);
  });

  it('finds nothing wrong with a complete rule', () => {
    expect(ruleProblems({ ...newRule('spend_threshold_off', id), name: 'Spend 100 get 10 off' })).toEqual([]);
  });

  it('words numbers out of range with their limit', () => {
    const rule = { ...newRule('points_multiplier', id), name: 'Double points', args: { scope: { productIds: [], categoryIds: [], brandIds: [] }, multiplierBp: 5_000 } };
    expect(ruleProblems(rule)).toEqual([{ path: 'args.multiplierBp', key: 'min', params: { min: 10_000 } }]);
  });

  it('asks a best-of rule for its group', () => {
    const rule = { ...newRule('voucher', id), name: 'Coupon', combination: 'best_of', args: { ...newRule('voucher', id).args, codes: ['A1'] } };
    expect(ruleProblems(rule)).toEqual([{ path: 'group', key: 'group', params: {} }]);
  });

  it('refuses an end before the start', () => {
    const rule = { ...newRule('spend_threshold_off', id), name: 'x', validFrom: '2026-12-10', validTo: '2026-12-01' };
    expect(problemAt(ruleProblems(rule), 'validTo')).toEqual({ path: 'validTo', key: 'dates', params: {} });
  });

  it('finds a problem inside a field by its prefix', () => {
    const problems = ruleProblems({ ...newRule('spend_gift', id), name: 'Gift' });
    expect(problemAt(problems, 'args.gift')).toEqual({ path: 'args.gift.productId', key: 'required', params: {} });
  });
});
