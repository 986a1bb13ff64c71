import { priceBasket } from '@pos/shared';
import { basket, context, rule, scope } from '@pos/shared/promotions/testing/promotion-fixtures';
import { describe, expect, it } from 'vitest';
import { promotionTimeline, type PromotionRevision } from './promotion-timeline';

const tenOff = rule('item_discount', 'p1', { productIds: ['cola'], offer: { type: 'percent_off', percentBp: 1000 }, unitLimit: null });
const twentyOff = rule('item_discount', 'p1', { productIds: ['cola'], offer: { type: 'percent_off', percentBp: 2000 }, unitLimit: null });
const at = (iso: string) => Date.parse(iso);
const colaBasket = basket([{ lineId: 'l1', productId: 'cola', unitPriceMinor: 1000 }]);
const totalAt = (revisions: PromotionRevision[], instant: string) =>
  priceBasket(colaBasket, context({ instant }), promotionTimeline(revisions).rulesAt(instant)).totalMinor;

describe('promotionTimeline', () => {
  const revisions: PromotionRevision[] = [
    { promotionId: 'p1', active: true, rule: tenOff, inForceFrom: at('2025-03-01T08:00:00Z') },
    { promotionId: 'p1', active: true, rule: twentyOff, inForceFrom: at('2025-03-02T08:00:00Z') },
    { promotionId: 'p1', active: false, rule: twentyOff, inForceFrom: at('2025-03-03T08:00:00Z') },
  ];

  it('prices with each promotion as its last save before the instant left it', () => {
    expect(totalAt(revisions, '2025-03-01T07:59:59.999Z')).toBe(1000);
    expect(totalAt(revisions, '2025-03-01T08:00:00.000Z')).toBe(900);
    expect(totalAt(revisions, '2025-03-02T12:00:00.000Z')).toBe(800);
    expect(totalAt(revisions, '2025-03-04T00:00:00.000Z')).toBe(1000);
  });

  it('compiles each stretch between saves once', () => {
    const timeline = promotionTimeline(revisions);
    expect(timeline.rulesAt('2025-03-02T09:00:00Z')).toBe(timeline.rulesAt('2025-03-02T23:00:00Z'));
    expect(timeline.rulesAt('2025-03-02T09:00:00Z')).not.toBe(timeline.rulesAt('2025-03-01T09:00:00Z'));
  });

  it('lets a later revision at the same instant win', () => {
    const same = [revisions[0]!, { ...revisions[1]!, inForceFrom: revisions[0]!.inForceFrom }];
    expect(totalAt(same, '2025-03-01T09:00:00Z')).toBe(800);
  });

  it('takes other promotions as they stood, each on its own', () => {
    const other = rule('item_discount', 'p2', { productIds: ['cola'], offer: { type: 'amount_off', amountMinor: 100 }, unitLimit: null });
    const both = [...revisions, { promotionId: 'p2', active: true, rule: other, inForceFrom: at('2025-03-02T10:00:00Z') }];
    expect(totalAt(both, '2025-03-02T09:00:00Z')).toBe(800);
    expect(totalAt(both, '2025-03-05T00:00:00Z')).toBe(900);
  });
});
