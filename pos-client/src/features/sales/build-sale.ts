import { Sale, minor, type CompiledRules, type Minor } from '@pos/shared';
import type { Basket } from './basket';
import { lineAdjustments, priceTillBasket, walkInPricing } from './price-till-basket';

export interface SaleContext {
  saleId: string;
  paymentId: string;
  storeId: string;
  /** The store's time zone: the basket is priced on its wall clock at `completedAt`, as HQ prices it again. */
  timeZone: string;
  deviceId: string;
  cashierId: string;
  currency: string;
  receiptNo: string;
  completedAt: string;
  /** One id per basket line, in order (the basket's own line ids are only for the screen). */
  lineIds: readonly string[];
}

export type BuildSaleError = 'BASKET_EMPTY' | 'TENDERED_TOO_LOW' | 'SALE_INVALID';
export type BuildSaleResult = { ok: true; sale: Sale } | { ok: false; code: BuildSaleError };

/**
 * A cash sale document exactly as HQ expects it, priced with the shared engine and checked by
 * the shared schema before anything is written. Gifts the engine gives are not lines of the sale.
 */
export function buildCashSale(basket: Basket, tenderedMinor: Minor, context: SaleContext, rules: CompiledRules): BuildSaleResult {
  if (basket.lines.length === 0) return { ok: false, code: 'BASKET_EMPTY' };
  const lineIds = basket.lines.map((_, index) => context.lineIds[index] ?? '');
  const priced = priceTillBasket(basket, context, context.completedAt, rules, lineIds);
  const total = priced.totalMinor;
  if (tenderedMinor < total) return { ok: false, code: 'TENDERED_TOO_LOW' };
  const adjustments = lineAdjustments(priced);
  const lines = priced.lines.map((pricedLine, index) => {
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
      clerkId: null,
      adjustments: adjustments[index] ?? [],
    };
  });
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
    lines,
    payments: [{ id: context.paymentId, tender: 'cash', amountMinor: total, tenderedMinor, reference: null }],
    subtotalMinor: priced.subtotalMinor,
    discountMinor: priced.discountMinor,
    totalMinor: total,
    changeMinor: minor(tenderedMinor - total),
    pricing: walkInPricing,
  });
  return parsed.success ? { ok: true, sale: parsed.data } : { ok: false, code: 'SALE_INVALID' };
}
