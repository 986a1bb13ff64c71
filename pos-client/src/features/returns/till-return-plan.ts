import {
  ancestorsOf, minor, planRefund, planWithoutReceipt, promotionClawback, sumMinor,
  type Minor, type PricingSettings, type ProductFacts, type ReturnPick, type SaleLine, type Tender,
} from '@pos/shared';
import type { TillDb } from '../../db/till-db';
import type { Basket } from '../sales/basket';
import { categoryParentsOf } from '../sales/find-scanned-item';
import { priceTillBasket, type TillPricingPlace } from '../sales/price-till-basket';
import { compileActivePromotions } from '../sales/promotion-rules';
import { exchangeLines } from './exchange-lines';
import type { OriginalSale } from './find-original-sale';

/** What the cashier has put together: the goods back (against a receipt, or scanned without one) and an exchange's goods out. */
export interface ReturnDraft {
  original: OriginalSale | null;
  picks: readonly ReturnPick[];
  /** Goods back without a receipt, scanned at today's prices. */
  unreceipted: Basket;
  exchange: Basket;
}

export interface PlannedBack {
  saleLineId: string | null;
  productId: string;
  barcode: string | null;
  nameZh: string;
  nameEn: string;
  quantity: number;
  refundMinor: Minor;
}

export interface TillReturnPlan {
  back: PlannedBack[];
  backMinor: Minor;
  clawbackMinor: Minor;
  outLines: SaleLine[];
  outMinor: Minor;
  creditMinor: Minor;
  refunds: { salePaymentId: string | null; tender: Tender; amountMinor: Minor; reference: string | null }[];
  payMinor: Minor;
  roundingMinor: Minor;
}

export type TillReturnPlanResult = { ok: true; plan: TillReturnPlan } | { ok: false; code: 'NOTHING_PICKED' | 'UNKNOWN_LINE' | 'OVER_RETURN' };

/** Category path and brand of the products a sale names, for the engine to re-price what is kept. */
async function factsOf(db: TillDb, productIds: readonly string[]): Promise<Map<string, ProductFacts>> {
  const ids = [...new Set(productIds)];
  const [products, parents] = await Promise.all([db.products.bulkGet(ids), categoryParentsOf(db)]);
  const facts = new Map<string, ProductFacts>();
  for (const product of products) {
    if (product) facts.set(product.id, { categoryId: product.categoryId, ancestorCategoryIds: ancestorsOf(parents, product.categoryId), brandId: product.brandId ?? null });
  }
  return facts;
}

/** The promotions' benefit the kept goods no longer earn, when the chain takes it back; priced with the till's promotions. */
async function clawbackFor(db: TillDb, draft: ReturnDraft, original: OriginalSale, place: TillPricingPlace): Promise<Minor> {
  const promotions = (await db.promotions.toArray()).filter((p) => p.status === 'active');
  const back = new Map(original.history.lines.map((l) => [l.saleLineId, l.quantity]));
  for (const pick of draft.picks) back.set(pick.saleLineId, (back.get(pick.saleLineId) ?? 0) + pick.quantity);
  return promotionClawback({
    sale: original.sale, timeZone: place.timeZone,
    kept: new Map(original.sale.lines.map((l) => [l.id, l.quantity - (back.get(l.id) ?? 0)])),
    rules: compileActivePromotions(promotions),
    promotionRuleIds: new Set(promotions.filter((p) => p.rule.kind !== 'voucher').map((p) => p.rule.id)),
    facts: await factsOf(db, original.sale.lines.map((l) => l.productId)),
  });
}

/**
 * The money of a return as the till will write it: with a receipt, the shared refund maths over
 * the sale and what came back of it already (and the claw-back when the chain asks for it);
 * without one, today's prices refunded in cash. An exchange's goods out are priced like a sale
 * (no member, no vouchers) at `instant`, and paid first from the goods back.
 */
export async function planTillReturn(
  db: TillDb, draft: ReturnDraft, settings: PricingSettings, place: TillPricingPlace, instant: string, outLineIds?: readonly string[],
): Promise<TillReturnPlanResult> {
  const rules = compileActivePromotions(await db.promotions.toArray());
  const pricing = { rules, rounding: { unitMinor: 1, mode: 'half_up' } as const, member: null, vouchers: [], manualDiscounts: [] };
  const outLines = draft.exchange.lines.length ? exchangeLines(draft.exchange, priceTillBasket(draft.exchange, place, instant, pricing, outLineIds)) : [];
  const outMinor = sumMinor(outLines.map((l) => l.netMinor));
  if (!draft.original) {
    const back = draft.unreceipted.lines.map((l) => ({ saleLineId: null, productId: l.productId, barcode: l.barcode, nameZh: l.nameZh, nameEn: l.nameEn, quantity: l.quantity, refundMinor: minor(l.unitPriceMinor * l.quantity) }));
    if (back.length === 0) return { ok: false, code: 'NOTHING_PICKED' };
    const backMinor = sumMinor(back.map((l) => l.refundMinor));
    const money = planWithoutReceipt(backMinor, outMinor, settings.cashRounding);
    const refunds = money.cashMinor > 0 ? [{ salePaymentId: null, tender: 'cash' as const, amountMinor: money.cashMinor, reference: null }] : [];
    return { ok: true, plan: { back, backMinor, clawbackMinor: minor(0), outLines, outMinor, creditMinor: money.creditMinor, refunds, payMinor: money.payMinor, roundingMinor: money.roundingMinor } };
  }
  const { sale, history } = draft.original;
  const clawbackMinor = settings.returns.clawBackPromotions && draft.picks.length ? await clawbackFor(db, draft, draft.original, place) : minor(0);
  const result = planRefund({ sale, history, picks: draft.picks, clawbackMinor, outMinor, policy: settings.returns, rounding: settings.cashRounding });
  if (!result.ok) return { ok: false, code: result.code };
  const back = result.lines.map((l) => {
    const line = sale.lines.find((s) => s.id === l.saleLineId)!;
    return { saleLineId: line.id, productId: line.productId, barcode: line.barcode, nameZh: line.nameZh, nameEn: line.nameEn, quantity: l.quantity, refundMinor: l.refundMinor };
  });
  return {
    ok: true,
    plan: { back, backMinor: result.backMinor, clawbackMinor: result.clawbackMinor, outLines, outMinor, creditMinor: result.creditMinor, refunds: result.refunds, payMinor: result.payMinor, roundingMinor: result.roundingMinor },
  };
}

/** What the customer gets back in all, less what they pay for an exchange. */
export const netRefundOf = (plan: TillReturnPlan): number => plan.refunds.reduce((n, r) => n + r.amountMinor, 0) - plan.payMinor;
