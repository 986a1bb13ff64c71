import { businessDate, PromotionBody } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import type { Deps, OfficePrincipal } from '../http/app-env';
import { newId } from '../ids';
import { users } from '../org/org.tables';
import { createPromotion } from '../promotions/promotions.service';

/** A promotion the demo's sales history was priced with: its rule, the products it takes off and the days it ran, counted back from today. */
export interface DemoPromotion {
  id: string;
  name: string;
  productIds: ReadonlySet<string>;
  percentBp: number;
  /** Days back from today of its first and last day of sales in the history (1 is yesterday). */
  fromDaysAgo: number;
  toDaysAgo: number;
}

const DAY = 86_400_000;

/**
 * Two item discounts, so the office's promotion return has something to weigh at first start:
 * one that ran for a fortnight and ended three weeks ago, and one running now, which began ten
 * days ago and the tills price with. The history before each had those goods at full price.
 */
export async function seedDemoPromotions(deps: Deps, chainId: string, timeZone: string, products: readonly { id: string }[]): Promise<DemoPromotion[]> {
  const [hq] = await deps.db.select({ id: users.id }).from(users).where(and(eq(users.chainId, chainId), eq(users.email, 'hq@demo.pos')));
  const principal: OfficePrincipal = { kind: 'office', chainId, userId: hq!.id, sessionId: newId(deps.clock), role: 'hq_admin', franchiseeId: null, regionId: null, storeId: null };
  const day = (daysAgo: number) => businessDate(new Date(deps.clock().getTime() - daysAgo * DAY), timeZone);
  const plans = [
    { nameZh: '人气零食八折', nameEn: 'Favourite snacks 20% off', picks: [4, 6, 9, 11], percentBp: 2000, fromDaysAgo: 35, toDaysAgo: 22, validTo: day(21) },
    { nameZh: '早餐饮品九折', nameEn: 'Breakfast drinks 10% off', picks: [5, 8, 13], percentBp: 1000, fromDaysAgo: 10, toDaysAgo: 1, validTo: day(-20) },
  ];
  const made: DemoPromotion[] = [];
  for (const plan of plans) {
    const id = newId(deps.clock);
    const name = `${plan.nameZh} ${plan.nameEn}`;
    const productIds = plan.picks.map((i) => products[i]!.id);
    const rule = {
      id, name, priority: 0, combination: 'stackable', group: null, validFrom: day(plan.fromDaysAgo), validTo: plan.validTo,
      weekdays: [], hours: [], storeIds: [], memberLevelIds: [],
      kind: 'item_discount', args: { productIds, offer: { type: 'percent_off', percentBp: plan.percentBp }, unitLimit: null },
    };
    await createPromotion(deps, principal, PromotionBody.parse({ status: 'active', rule }));
    made.push({ id, name, productIds: new Set(productIds), percentBp: plan.percentBp, fromDaysAgo: plan.fromDaysAgo, toDaysAgo: plan.toDaysAgo });
  }
  return made;
}
