import { Sale, giftSaleAmounts, minor, saleLineClerks, sumMinor, type GiftLine, type PricedBasket, type SaleApproval, type SalePayment, type Settlement } from '@pos/shared';
import { lineClerks, type Basket } from './basket';
import { lineAdjustments, salePricingOf, type TillPricing } from './price-till-basket';

/** A gift product's names and barcode for its line on the sale. */
export interface GiftProduct {
  nameZh: string;
  nameEn: string;
  barcode: string | null;
}

export interface SaleContext {
  saleId: string;
  storeId: string;
  deviceId: string;
  cashierId: string;
  currency: string;
  receiptNo: string;
  completedAt: string;
  /** Makes the id of each gift line (sold lines take theirs from the priced basket). */
  newLineId: () => string;
  /** The till's pull cursor: how current the prices and promotions it priced with are. */
  dataSeq: number;
  giftProducts: ReadonlyMap<string, GiftProduct>;
  /** Manager overrides given on the basket; a `lineId` is the basket line's. */
  approvals?: readonly SaleApproval[];
}

export type BuildSaleError = 'BASKET_EMPTY' | 'NOT_PAID' | 'SALE_INVALID';
export type BuildSaleResult = { ok: true; sale: Sale } | { ok: false; code: BuildSaleError };

/** A gift the engine gave as a line of the sale: it leaves the shelf, so it moves stock, and nets to nothing. */
function giftLine(gift: GiftLine, id: string, lineNo: number, product: GiftProduct | undefined): Sale['lines'][number] {
  const { unitPriceMinor, grossMinor } = giftSaleAmounts(gift);
  return {
    id, lineNo, productId: gift.productId, barcode: product?.barcode ?? null, nameZh: product?.nameZh ?? gift.ruleName, nameEn: product?.nameEn ?? gift.ruleName,
    quantity: gift.quantity, unitPriceMinor, grossMinor, discountMinor: grossMinor, netMinor: minor(0), clerkId: null,
    adjustments: [{ ruleId: gift.ruleId, ruleName: gift.ruleName, amountMinor: grossMinor }], giftRuleId: gift.ruleId,
  };
}

/**
 * A sale document exactly as HQ expects it, from the basket as the shared engine priced it
 * under the sale's line ids, checked by the shared schema before anything is written: sold
 * lines (each with the sales clerks it is credited to), then the gifts the promotions gave, the payments in the order taken, and the cash
 * rounding the settlement gives, so the payments add up to `totalMinor + roundingMinor`.
 */
export function buildSale(
  basket: Basket, priced: PricedBasket, payments: readonly SalePayment[], settlement: Settlement, context: SaleContext, pricing: TillPricing,
): BuildSaleResult {
  if (basket.lines.length === 0) return { ok: false, code: 'BASKET_EMPTY' };
  if (!settlement.settled || settlement.totalMinor !== priced.totalMinor) return { ok: false, code: 'NOT_PAID' };
  const saleLineIds = new Map(basket.lines.map((line, index) => [line.id, priced.lines[index]!.lineId]));
  const adjustments = lineAdjustments(priced);
  const sold = priced.lines.map((pricedLine, index) => {
    const line = basket.lines[index]!;
    return {
      id: pricedLine.lineId,
      lineNo: index + 1,
      productId: line.productId,
      barcode: line.barcode,
      nameZh: line.nameZh,
      nameEn: line.nameEn,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      grossMinor: pricedLine.grossMinor,
      discountMinor: pricedLine.discountMinor,
      netMinor: pricedLine.netMinor,
      ...saleLineClerks(lineClerks(line)),
      weightGrams: line.weightGrams ?? null,
      adjustments: adjustments[index] ?? [],
    };
  });
  const gifts = priced.gifts.map((gift, i) => giftLine(gift, context.newLineId(), sold.length + i + 1, context.giftProducts.get(gift.productId)));
  const giftValue = sumMinor(gifts.map((g) => g.grossMinor));
  const parsed = Sale.safeParse({
    kind: 'sale',
    id: context.saleId,
    storeId: context.storeId,
    deviceId: context.deviceId,
    cashierId: context.cashierId,
    receiptNo: context.receiptNo,
    currency: context.currency,
    startedAt: basket.startedAt ?? context.completedAt,
    completedAt: context.completedAt,
    lines: [...sold, ...gifts],
    payments,
    subtotalMinor: priced.subtotalMinor + giftValue,
    discountMinor: priced.discountMinor + giftValue,
    totalMinor: priced.totalMinor,
    roundingMinor: settlement.roundingMinor,
    changeMinor: settlement.changeMinor,
    pricing: salePricingOf(pricing, context.dataSeq, (basketLineId) => saleLineIds.get(basketLineId) ?? basketLineId),
    approvals: (context.approvals ?? []).map((a) => ({ ...a, lineId: a.lineId === null ? null : (saleLineIds.get(a.lineId) ?? null) })),
  });
  return parsed.success ? { ok: true, sale: parsed.data } : { ok: false, code: 'SALE_INVALID' };
}
