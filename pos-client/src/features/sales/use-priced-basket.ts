import { useMemo } from 'react';
import type { GiftLine, RoundingPolicy } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import { useLiveQuery } from '../../db/use-live-query';
import type { Basket } from './basket';
import { linePricingById, priceTillBasket, type LinePricing, type TillPricing, type TillPricingPlace } from './price-till-basket';
import { compileActivePromotions } from './promotion-rules';

/** A gift the engine gives, with the product's names for the screen. */
export interface GiftView extends GiftLine {
  nameZh: string;
  nameEn: string;
}

/** Who the basket is priced for and what they presented: the member, voucher codes, the cashier's discounts. */
export type TillCustomer = Pick<TillPricing, 'member' | 'vouchers' | 'manualDiscounts'>;

/**
 * The basket priced with the shared engine after every change, for the customer and with
 * the chain's cash rounding. The promotions are compiled once and again only when the
 * pulled promotions change; `pricing` is null until they and the settings are read.
 */
export function usePricedBasket(basket: Basket, place: TillPricingPlace, rounding: RoundingPolicy | null, customer: TillCustomer) {
  const { db, now } = useTillServices();
  const promotions = useLiveQuery(() => db.promotions.toArray(), [db]);
  const rules = useMemo(() => (promotions ? compileActivePromotions(promotions) : null), [promotions]);
  const pricing = useMemo<TillPricing | null>(() => (rules && rounding ? { rules, rounding, ...customer } : null), [rules, rounding, customer]);
  const priced = useMemo(
    () => (pricing ? priceTillBasket(basket, place, now().toISOString(), pricing) : null),
    [basket, pricing, place.storeId, place.timeZone],
  );
  const lines = useMemo<ReadonlyMap<string, LinePricing>>(() => (priced ? linePricingById(priced) : new Map()), [priced]);
  const giftIds = (priced?.gifts ?? []).map((g) => g.productId);
  const giftProducts = useLiveQuery(() => db.products.bulkGet(giftIds), [db, giftIds.join()]);
  const gifts: GiftView[] = (priced?.gifts ?? []).map((gift, index) => {
    const product = giftProducts?.[index];
    return { ...gift, nameZh: product?.nameZh ?? gift.ruleName, nameEn: product?.nameEn ?? gift.ruleName };
  });
  return { pricing, priced, lines, gifts };
}
