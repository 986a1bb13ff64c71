import {
  ancestorsOf, categoryParents, compilePriceBook, giftSaleAmounts, lineUnitPrice, priceBasket, settlingRounding, storePriceBook,
  type BasketLine, type PriceBook, type PriceListEntry, type PricedBasket, type PricingSettings, type RoundingPolicy, type Sale, type SaleLine, type StoreAssortment,
} from '@pos/shared';
import type { Db } from '../db/client';
import { changeSeqHead, FreshCache, loadAtHead } from '../db/fresh-cache';
import { getPricingSettings } from '../pricing/pricing-settings.service';
import { latestChainPricingChange, latestStorePricingChange, loadChainRepricingRows, loadStoreRepricingRows } from '../pricing/repricing-data.repo';
import { loadRevisions } from '../promotions/promotions.repo';
import { promotionTimeline, type PromotionTimeline } from './promotion-timeline';

export interface RepricingData {
  book: PriceBook;
  promotions: PromotionTimeline;
  settings: PricingSettings;
  lineFacts: ReadonlyMap<string, Pick<BasketLine, 'categoryId' | 'ancestorCategoryIds' | 'brandId'>>;
  /** The newest price, promotion or settings change of the store: a till that pulled less priced with older data. */
  seq: number;
}

/** A voucher code HQ's pricing spent on the sale. */
export interface VoucherRedemption {
  code: string;
  ruleId: string;
  amountMinor: number;
}

/** A difference between the till's figure and HQ's; `lineId` null for the ticket total. */
export interface SaleDiscrepancy {
  lineId: string | null;
  tillMinor: number;
  hqMinor: number;
  detail: Record<string, unknown>;
}

/** What every store of a chain prices with: compiled once per change, however many stores sell. */
interface ChainPricing {
  book: PriceBook;
  promotions: PromotionTimeline;
  settings: PricingSettings;
  lineFacts: RepricingData['lineFacts'];
  seq: number;
  /** Each store's data over this chain's, made at the store's first sale after it: gone with it when the chain's data changes. */
  stores: Map<string, { layer: StorePricing; data: RepricingData }>;
}

/** What one store adds to its chain's: its own prices and assortment. */
interface StorePricing {
  prices: PriceListEntry[];
  assortment: StoreAssortment | null;
  seq: number;
}

async function loadChainPricing(db: Db, chainId: string): Promise<ChainPricing> {
  const [{ productRows, priceEntries, categoryRows }, revisions, settings, seq] = await Promise.all([
    loadChainRepricingRows(db, chainId), loadRevisions(db, chainId), getPricingSettings(db, chainId), latestChainPricingChange(db, chainId),
  ]);
  const parents = categoryParents(categoryRows);
  return {
    book: compilePriceBook({ products: productRows, prices: priceEntries }),
    promotions: promotionTimeline(revisions),
    settings,
    seq,
    lineFacts: new Map(productRows.map((p) => [p.id, { categoryId: p.categoryId, ancestorCategoryIds: ancestorsOf(parents, p.categoryId), brandId: p.brandId }])),
    stores: new Map(),
  };
}

async function loadStorePricing(db: Db, chainId: string, storeId: string): Promise<StorePricing> {
  const [{ priceEntries, assortment }, seq] = await Promise.all([loadStoreRepricingRows(db, chainId, storeId), latestStorePricingChange(db, chainId, storeId)]);
  return { prices: priceEntries, assortment, seq };
}

/** Per database handle: each chain's data, and each store's layer. */
const caches = new WeakMap<Db, { chains: FreshCache<ChainPricing>; stores: FreshCache<StorePricing> }>();

/**
 * What a store's sales are priced with, kept until any price, product, category or promotion
 * changes: every such write, by this HQ process or another on the same database, takes a number
 * from `sync_change_seq`, so an unchanged head means unchanged data and one cheap read of it is
 * the whole check (`knownHead`, when the caller read it a moment ago). The chain's products,
 * prices and promotions are compiled once for all its stores; a store adds only its own prices
 * and assortment over them.
 */
export async function repricingDataFor(db: Db, chainId: string, storeId: string, knownHead?: bigint): Promise<RepricingData> {
  const cache = caches.get(db) ?? { chains: new FreshCache<ChainPricing>(), stores: new FreshCache<StorePricing>() };
  caches.set(db, cache);
  const head = knownHead ?? (await changeSeqHead(db));
  const [chain, layer] = await Promise.all([
    cache.chains.get(chainId, head, () => loadAtHead(db, chainId, (tx) => loadChainPricing(tx, chainId))),
    cache.stores.get(`${chainId}|${storeId}`, head, () => loadAtHead(db, chainId, (tx) => loadStorePricing(tx, chainId, storeId))),
  ]);
  const made = chain.stores.get(storeId);
  if (made?.layer === layer) return made.data;
  const data: RepricingData = {
    book: storePriceBook(chain.book, layer.prices, layer.assortment),
    promotions: chain.promotions, settings: chain.settings, lineFacts: chain.lineFacts, seq: Math.max(chain.seq, layer.seq),
  };
  chain.stores.set(storeId, { layer, data });
  return data;
}

type Unit = { unit: number; problem: string | null };

/** HQ's unit price for a line, decided as the till decides it; where HQ cannot price it, the till's stands, flagged. */
function unitPriceOf(data: RepricingData, sale: Sale, line: SaleLine, timeZone: string): Unit {
  const query = {
    productId: line.productId, storeId: sale.storeId, memberLevelId: sale.pricing?.member?.levelId ?? null,
    channel: sale.pricing?.channel ?? 'retail', instant: sale.completedAt, timeZone,
  };
  const price = lineUnitPrice(data.book, query, { unitPriceMinor: line.unitPriceMinor, weightGrams: line.weightGrams ?? null });
  return price.ok ? { unit: price.unitPriceMinor, problem: null } : { unit: line.unitPriceMinor, problem: price.code };
}

/** The till's facts a difference row carries, so the office can tell a stale till from a wrong one. */
function tillData(data: RepricingData, sale: Sale) {
  const dataSeq = sale.pricing?.dataSeq ?? null;
  return { tillDataSeq: dataSeq, hqDataSeq: data.seq, tillBehind: dataSeq !== null && dataSeq < data.seq };
}

/** One row per sold line that differs; the ticket total is their sum, so it gets no row of its own. */
function compareLines(sold: readonly SaleLine[], units: readonly Unit[], priced: PricedBasket): SaleDiscrepancy[] {
  return sold.flatMap((line, i) => {
    const hq = priced.lines[i]!;
    const { unit, problem } = units[i]!;
    if (line.netMinor === hq.netMinor && line.unitPriceMinor === unit && problem === null) return [];
    return [{
      lineId: line.id, tillMinor: line.netMinor, hqMinor: hq.netMinor,
      detail: { productId: line.productId, problem, tillUnitPriceMinor: line.unitPriceMinor, hqUnitPriceMinor: unit, tillAdjustments: line.adjustments ?? [], hqDiscounts: hq.discounts },
    }];
  });
}

/** A gift line the engine did not give, or a gift it gave that the sale lacks: each a row valued at the gift. */
function compareGifts(giftLines: readonly SaleLine[], priced: PricedBasket): SaleDiscrepancy[] {
  const key = (ruleId: string, productId: string, quantity: number, grossMinor: number) => `${ruleId}|${productId}|${quantity}|${grossMinor}`;
  const expected = new Map(priced.gifts.map((g) => [key(g.ruleId, g.productId, g.quantity, giftSaleAmounts(g).grossMinor), g]));
  const found = new Set<string>();
  const extra = giftLines.flatMap((line) => {
    const k = key(line.giftRuleId ?? '', line.productId, line.quantity, line.grossMinor);
    if (expected.has(k) && !found.has(k)) {
      found.add(k);
      return [];
    }
    return [{ lineId: line.id, tillMinor: line.grossMinor, hqMinor: 0, detail: { problem: 'GIFT_NOT_DUE', productId: line.productId, ruleId: line.giftRuleId } }];
  });
  const missing = [...expected].filter(([k]) => !found.has(k)).map(([, gift]) => ({
    lineId: null, tillMinor: 0, hqMinor: giftSaleAmounts(gift).grossMinor, detail: { problem: 'GIFT_MISSING', productId: gift.productId, ruleId: gift.ruleId, quantity: gift.quantity },
  }));
  return [...extra, ...missing];
}

/** The engine prices to the fen; the cash rounding follows from the payments (`settlingRounding`). */
const toTheFen: RoundingPolicy = { unitMinor: 1, mode: 'half_up' };

/**
 * Prices a sale again with the shared engine from HQ's data as of when it was made (prices
 * by their effective instants, promotions as they stood then) and returns where HQ and the
 * till differ: sold lines, gifts and cash rounding, with the vouchers it spent and each sold line's
 * points multiplier (points are earned by HQ's promotions, not the till's word). Never throws: the customer has paid, so
 * the sale is taken whatever happens here, and a failure is recorded as a difference to look at.
 */
export function repriceSale(data: RepricingData, sale: Sale, timeZone: string): { discrepancies: SaleDiscrepancy[]; redemptions: VoucherRedemption[]; pointsMultipliers: Map<string, number> } {
  try {
    const sold = sale.lines.filter((line) => !line.giftRuleId);
    const units = sold.map((line) => unitPriceOf(data, sale, line, timeZone));
    const lines: BasketLine[] = sold.map((line, i) => ({
      lineId: line.id, productId: line.productId, quantity: line.quantity, unitPriceMinor: units[i]!.unit as BasketLine['unitPriceMinor'],
      categoryId: null, ancestorCategoryIds: [], brandId: null, ...data.lineFacts.get(line.productId), clerkId: line.clerkId, weightGrams: line.weightGrams ?? null,
    }));
    const { member = null, vouchers = [], manualDiscounts = [] } = sale.pricing ?? {};
    const context = { storeId: sale.storeId, instant: sale.completedAt, timeZone, member, vouchers, manualDiscounts, rounding: toTheFen };
    const priced = priceBasket({ lines }, context, data.promotions.rulesAt(sale.completedAt));
    // Rounded only when cash settled what was left: of that remainder, at the chain's unit.
    const hqRounding = settlingRounding(priced.totalMinor, sale.payments, data.settings.cashRounding);
    const rounding = sale.roundingMinor === hqRounding ? [] : [{
      lineId: null, tillMinor: sale.roundingMinor, hqMinor: hqRounding, detail: { problem: 'ROUNDING', rounding: data.settings.cashRounding },
    }];
    const found = [...compareLines(sold, units, priced), ...compareGifts(sale.lines.filter((l) => l.giftRuleId), priced), ...rounding];
    return {
      discrepancies: found.map((d) => ({ ...d, detail: { ...d.detail, ...tillData(data, sale) } })),
      redemptions: priced.vouchers.flatMap((v) => (v.status === 'applied' && v.ruleId ? [{ code: v.code, ruleId: v.ruleId, amountMinor: v.amountMinor }] : [])),
      pointsMultipliers: new Map(priced.lines.map((l) => [l.lineId, l.pointsMultiplierBp])),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { discrepancies: [{ lineId: null, tillMinor: sale.totalMinor, hqMinor: sale.totalMinor, detail: { problem: 'REPRICE_FAILED', message } }], redemptions: [], pointsMultipliers: new Map() };
  }
}
