import { describe, expect, it } from 'vitest';
import { analysisQuery, backTo, drillInto, presetRange, refilter, regroup, startState } from './analysis-state';

const category = '0195505c-0000-7000-8000-0000000000c1';
const product = '0195505c-0000-7000-8000-0000000000a1';
const store = '0195505c-0000-7000-8000-0000000000b1';

describe('the sales analysis trail', () => {
  it('drills from a store to its categories to a category’s products to a product’s tickets, and back', () => {
    let state = startState({ from: '2026-10-01', to: '2026-10-31' });
    state = drillInto(state, { nameZh: '人民广场店', nameEn: "People's Square", drill: { by: 'category', filter: 'storeId', value: store } });
    state = drillInto(state, { nameZh: '饮料', nameEn: 'Drinks', drill: { by: 'product', filter: 'categoryId', value: category } });
    expect(analysisQuery(state, 200)).toEqual({ from: '2026-10-01', to: '2026-10-31', by: 'product', limit: 200, storeId: store, categoryId: category });
    expect(state.trail.map((s) => [s.by, s.opened?.nameEn ?? null])).toEqual([['store', "People's Square"], ['category', 'Drinks'], ['product', null]]);

    const tickets = drillInto(state, { nameZh: '可乐', nameEn: 'Cola', drill: { by: 'tickets', filter: 'productId', value: product } });
    expect(tickets.tickets).toEqual({ productId: product, nameZh: '可乐', nameEn: 'Cola' });
    expect(tickets.trail).toEqual(state.trail);

    const back = backTo(tickets, 1);
    expect(back.tickets).toBeNull();
    expect(analysisQuery(back, 50)).toEqual({ from: '2026-10-01', to: '2026-10-31', by: 'category', limit: 50, storeId: store });
    expect(back.trail.at(-1)!.opened).toBeNull();
  });

  it('leaves a row without a drill where it is, and regroups or refilters the step being read', () => {
    const state = startState({ from: '2026-10-01', to: '2026-10-31' }, 'hour');
    expect(drillInto(state, { nameZh: '10:00', nameEn: '10:00', drill: null })).toBe(state);
    const byTender = regroup(refilter(state, 'storeId', store), 'tender');
    expect(analysisQuery(byTender, 10)).toMatchObject({ by: 'tender', storeId: store });
    expect(analysisQuery(refilter(byTender, 'storeId', null), 10)).not.toHaveProperty('storeId');
  });

  it('gives whole months and Monday-to-Sunday weeks as quick ranges', () => {
    expect(presetRange('lastMonth', '2026-12-04')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(presetRange('lastMonth', '2024-03-15')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(presetRange('thisMonth', '2026-12-04')).toEqual({ from: '2026-12-01', to: '2026-12-04' });
    // 2026-12-04 is a Friday.
    expect(presetRange('thisWeek', '2026-12-04')).toEqual({ from: '2026-11-30', to: '2026-12-04' });
    expect(presetRange('lastWeek', '2026-12-04')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(presetRange('last30', '2026-12-04')).toEqual({ from: '2026-11-05', to: '2026-12-04' });
  });
});
