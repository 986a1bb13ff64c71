import { minor, type Minor, type Price } from '@pos/shared';

/**
 * The unit price of a product at this store now: the store's own retail price when it has
 * one, else the chain's; among active retail prices already in effect, the latest
 * `effectiveFrom` wins (a price with none has been in effect from the start). Null when the
 * product has no price here. The shared pricing engine replaces this function later.
 */
export function resolveUnitPrice(prices: readonly (Price & { active: boolean })[], storeId: string, now: Date): Minor | null {
  const inEffect = prices.filter(
    (p) => p.active && p.kind === 'retail' && (p.effectiveFrom === null || Date.parse(p.effectiveFrom) <= now.getTime()),
  );
  const own = inEffect.filter((p) => p.storeId === storeId);
  const candidates = own.length > 0 ? own : inEffect.filter((p) => p.storeId === null);
  const latest = candidates.reduce<(typeof candidates)[number] | null>((best, p) => (best === null || startsOf(p) > startsOf(best) ? p : best), null);
  return latest === null ? null : minor(latest.amountMinor);
}

function startsOf(price: Price): number {
  return price.effectiveFrom === null ? Number.NEGATIVE_INFINITY : Date.parse(price.effectiveFrom);
}
