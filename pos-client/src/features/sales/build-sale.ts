import { Sale, minor, type Minor } from '@pos/shared';
import { basketTotal, lineTotal, type Basket } from './basket';

export interface SaleContext {
  saleId: string;
  paymentId: string;
  storeId: string;
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

/** A cash sale document exactly as HQ expects it, checked by the shared schema before anything is written. */
export function buildCashSale(basket: Basket, tenderedMinor: Minor, context: SaleContext): BuildSaleResult {
  if (basket.lines.length === 0) return { ok: false, code: 'BASKET_EMPTY' };
  const total = basketTotal(basket);
  if (tenderedMinor < total) return { ok: false, code: 'TENDERED_TOO_LOW' };
  const lines = basket.lines.map((line, index) => {
    const gross = lineTotal(line);
    return {
      id: context.lineIds[index] ?? '',
      lineNo: index + 1,
      productId: line.productId,
      barcode: line.barcode,
      nameZh: line.nameZh,
      nameEn: line.nameEn,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      grossMinor: gross,
      discountMinor: minor(0),
      netMinor: gross,
      clerkId: null,
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
    subtotalMinor: total,
    discountMinor: minor(0),
    totalMinor: total,
    changeMinor: minor(tenderedMinor - total),
  });
  return parsed.success ? { ok: true, sale: parsed.data } : { ok: false, code: 'SALE_INVALID' };
}
