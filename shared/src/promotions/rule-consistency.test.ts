import { describe, expect, it } from 'vitest';
import { ruleInconsistencies } from './rule-consistency';
import { rule } from './testing/promotion-fixtures';

const every = { productIds: [], categoryIds: [], brandIds: [] };
const tenOff = (common = {}) => rule('spend_threshold_off', 'r', { scope: every, tiers: [{ minSpendMinor: 10_000, offMinor: 1000 }], repeat: false }, common);
const paths = (r: Parameters<typeof ruleInconsistencies>[0]) => ruleInconsistencies(r).map((p) => p.path.join('.'));

describe('rule inconsistencies', () => {
  it('never lets a promotion end before or when it starts, counting a bare end date as its whole day', () => {
    expect(paths(tenOff({ validFrom: '2026-12-10', validTo: '2026-12-09' }))).toEqual(['validTo']);
    expect(paths(tenOff({ validFrom: '2026-12-10T10:00', validTo: '2026-12-10T10:00:00' }))).toEqual(['validTo']);
    expect(paths(tenOff({ validFrom: '2026-12-10', validTo: '2026-12-10' }))).toEqual([]);
    expect(paths(tenOff({ validFrom: '2026-12-10T09:00', validTo: '2026-12-10' }))).toEqual([]);
    expect(paths(tenOff({ validFrom: null, validTo: '2026-12-10' }))).toEqual([]);
  });

  it('never takes a day the calendar does not have', () => {
    expect(paths(tenOff({ validFrom: '2026-02-29', validTo: '2026-13-01' }))).toEqual(['validFrom', 'validTo']);
    expect(paths(tenOff({ validFrom: '2028-02-29' }))).toEqual([]);
  });

  it('never takes an hour window that is empty; one past midnight is fine', () => {
    expect(paths(tenOff({ hours: [{ from: '22:00', to: '02:00' }, { from: '10:00', to: '10:00' }] }))).toEqual(['hours.1.to']);
    const happy = rule('happy_hour', 'h', { scope: every, offer: { type: 'percent_off', percentBp: 1000 }, windows: [{ from: '18:00', to: '18:00' }], unitLimit: null });
    expect(paths(happy)).toEqual(['args.windows.0.to']);
  });

  it('never lets a higher tier ask for less or give less', () => {
    const off = rule('spend_threshold_off', 'o', { scope: every, repeat: false, tiers: [{ minSpendMinor: 100, offMinor: 10 }, { minSpendMinor: 200, offMinor: 10 }, { minSpendMinor: 150, offMinor: 30 }] });
    expect(paths(off)).toEqual(['args.tiers.1.offMinor', 'args.tiers.2.minSpendMinor']);
    const pct = rule('spend_threshold_percent', 'p', { scope: every, tiers: [{ minSpendMinor: 100, percentBp: 500 }, { minSpendMinor: 300, percentBp: 1200 }] });
    expect(paths(pct)).toEqual([]);
  });
});
