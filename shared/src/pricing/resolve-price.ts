import { minor, type Minor } from '../money/money';
import type { PriceBook } from './price-book';
import { storeCarries } from './price-book';
import { failure, type PricingFailure } from './pricing-result';
import type { PriceListEntry } from './pricing.schemas';
import { storeLocalTime, toLocalDateTime } from './store-local-time';

export interface PriceQuery {
  readonly productId: string;
  readonly storeId: string;
  /** The member's level, or null for a customer who is not a member. */
  readonly memberLevelId: string | null;
  /** Wholesale customers pay the wholesale price; everyone else retail or member. */
  readonly channel: 'retail' | 'wholesale';
  readonly instant: string;
  readonly timeZone: string;
}

export interface ResolvedPrice {
  readonly ok: true;
  readonly productId: string;
  /** Per piece, or per kilogram for weighed goods. */
  readonly unitPriceMinor: Minor;
  readonly source: 'retail' | 'member' | 'wholesale';
  /** The retail price the customer would otherwise pay, for showing the member saving. */
  readonly retailPriceMinor: Minor | null;
  readonly priceEntryId: string;
  readonly weighed: boolean;
}

interface Candidate {
  readonly entry: PriceListEntry;
  readonly from: string;
  readonly specificity: number;
}

/**
 * The entry that applies now (started, and not ended): a store's own price beats the chain's, a level's member price
 * beats the all-levels one, then the most recent effective date wins (a scheduled change
 * replaces the price before it). Ties go to the smaller entry id, so the choice is stable.
 */
function pickEntry(entries: readonly PriceListEntry[], query: PriceQuery, now: string, kind: PriceListEntry['kind']): PriceListEntry | null {
  let best: Candidate | null = null;
  for (const entry of entries) {
    if (entry.kind !== kind || (entry.storeId !== null && entry.storeId !== query.storeId)) continue;
    if (entry.memberLevelId !== null && entry.memberLevelId !== query.memberLevelId) continue;
    const from = entry.effectiveFrom === null ? '' : toLocalDateTime(entry.effectiveFrom, query.timeZone);
    if (from === null || from > now || hasEnded(entry, now, query.timeZone)) continue;
    const candidate = { entry, from, specificity: (entry.storeId ? 2 : 0) + (entry.memberLevelId ? 1 : 0) };
    if (!best || isBetter(candidate, best)) best = candidate;
  }
  return best?.entry ?? null;
}

/** Whether an entry had stopped applying by `now` (an entry ends at the start of its `effectiveUntil`). */
function hasEnded(entry: PriceListEntry, now: string, timeZone: string): boolean {
  if (!entry.effectiveUntil) return false;
  const until = toLocalDateTime(entry.effectiveUntil, timeZone);
  return until === null || until <= now;
}

function isBetter(a: Candidate, b: Candidate): boolean {
  if (a.specificity !== b.specificity) return a.specificity > b.specificity;
  if (a.from !== b.from) return a.from > b.from;
  return a.entry.id < b.entry.id;
}

/** The unit price that applies to a product in a store, for a customer, at an instant. */
export function resolvePrice(book: PriceBook, query: PriceQuery): ResolvedPrice | PricingFailure {
  const product = book.products.get(query.productId);
  if (!product) return failure('ITEM_NOT_FOUND', `no product ${query.productId}`);
  if (!product.active) return failure('ITEM_INACTIVE', `product ${query.productId} is no longer sold`);
  const local = storeLocalTime(query.instant, query.timeZone);
  if (product.discontinuedFrom && local.date >= product.discontinuedFrom) {
    return failure('PRODUCT_DISCONTINUED', `product ${query.productId} is discontinued from ${product.discontinuedFrom}`);
  }
  if (!storeCarries(book, query.storeId, query.productId)) {
    return failure('NOT_IN_ASSORTMENT', `store ${query.storeId} does not carry product ${query.productId}`);
  }
  const entries = book.pricesByProduct.get(query.productId) ?? [];
  const now = local.dateTime;
  const base = { ok: true as const, productId: product.id, weighed: product.weighed };
  if (query.channel === 'wholesale') {
    const wholesale = pickEntry(entries, query, now, 'wholesale');
    if (!wholesale) return failure('NO_PRICE', `no wholesale price for product ${query.productId}`);
    return { ...base, unitPriceMinor: minor(wholesale.amountMinor), source: 'wholesale', retailPriceMinor: null, priceEntryId: wholesale.id };
  }
  const retail = pickEntry(entries, query, now, 'retail');
  if (!retail) return failure('NO_PRICE', `no retail price for product ${query.productId} in store ${query.storeId}`);
  const member = query.memberLevelId === null ? null : pickEntry(entries, query, now, 'member');
  const chosen = member && member.amountMinor < retail.amountMinor ? member : retail;
  return {
    ...base,
    unitPriceMinor: minor(chosen.amountMinor),
    source: chosen === retail ? 'retail' : 'member',
    retailPriceMinor: minor(retail.amountMinor),
    priceEntryId: chosen.id,
  };
}
