import { type PricedBasket, type SaleLine } from '@pos/shared';
import type { Basket } from '../sales/basket';
import { lineAdjustments } from '../sales/price-till-basket';

/**
 * An exchange's goods going out as sale lines, priced by the shared engine like a sale's
 * (`priced` under the out lines' ids), numbered from 1.
 */
export function exchangeLines(basket: Basket, priced: PricedBasket): SaleLine[] {
  const adjustments = lineAdjustments(priced);
  return priced.lines.map((pricedLine, index) => {
    const line = basket.lines[index]!;
    return {
      id: pricedLine.lineId, lineNo: index + 1, productId: line.productId, barcode: line.barcode, nameZh: line.nameZh, nameEn: line.nameEn,
      quantity: line.quantity, unitPriceMinor: line.unitPriceMinor, grossMinor: pricedLine.grossMinor, discountMinor: pricedLine.discountMinor,
      netMinor: pricedLine.netMinor, clerkId: null, weightGrams: line.weightGrams ?? null, adjustments: adjustments[index] ?? [],
    };
  });
}
