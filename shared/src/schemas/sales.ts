import { z } from 'zod';
import { NonNegativeMinor } from '../money/money';
import { UuidV7 } from '../ids/uuidv7';
import { CurrencyCode, IsoDateTime } from './common';

export const Tender = z.enum(['cash', 'bank_card', 'stored_value', 'points', 'voucher']);
export type Tender = z.infer<typeof Tender>;

export const SaleLine = z.object({
  id: z.uuid(),
  lineNo: z.number().int().min(1),
  productId: z.uuid(),
  barcode: z.string().max(32).nullable(),
  nameZh: z.string().min(1).max(120),
  nameEn: z.string().min(1).max(120),
  quantity: z.number().int().min(1).max(100_000),
  unitPriceMinor: NonNegativeMinor,
  grossMinor: NonNegativeMinor,
  discountMinor: NonNegativeMinor,
  netMinor: NonNegativeMinor,
  /** The sales clerk credited with this line (commission); null when the cashier sold it. */
  clerkId: z.uuid().nullable(),
});
export type SaleLine = z.infer<typeof SaleLine>;

export const SalePayment = z.object({
  id: z.uuid(),
  tender: Tender,
  amountMinor: NonNegativeMinor,
  /** Cash handed over by the customer; the change is `tenderedMinor - amountMinor`. */
  tenderedMinor: NonNegativeMinor.nullable(),
  reference: z.string().max(64).nullable(),
});
export type SalePayment = z.infer<typeof SalePayment>;

const SaleShape = z.object({
  kind: z.literal('sale'),
  id: UuidV7,
  storeId: z.uuid(),
  deviceId: z.uuid(),
  cashierId: z.uuid(),
  receiptNo: z.string().min(1).max(32),
  currency: CurrencyCode,
  startedAt: IsoDateTime,
  completedAt: IsoDateTime,
  lines: z.array(SaleLine).min(1, 'a sale has at least one line').max(500),
  payments: z.array(SalePayment).min(1, 'a sale has at least one payment').max(20),
  subtotalMinor: NonNegativeMinor,
  discountMinor: NonNegativeMinor,
  totalMinor: NonNegativeMinor,
  changeMinor: NonNegativeMinor,
});

/** A finished sale as the till made it. The arithmetic must hold to the fen or the document is refused. */
export const Sale = SaleShape.superRefine((sale, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  let subtotal = 0;
  let discount = 0;
  let net = 0;
  const lineIds = new Set<string>();
  sale.lines.forEach((line, i) => {
    if (lineIds.has(line.id)) issue(['lines', i, 'id'], 'line id repeated');
    lineIds.add(line.id);
    if (line.grossMinor !== line.unitPriceMinor * line.quantity) issue(['lines', i, 'grossMinor'], 'gross is not unit price × quantity');
    if (line.netMinor !== line.grossMinor - line.discountMinor) issue(['lines', i, 'netMinor'], 'net is not gross − discount');
    subtotal += line.grossMinor;
    discount += line.discountMinor;
    net += line.netMinor;
  });
  if (sale.subtotalMinor !== subtotal) issue(['subtotalMinor'], 'subtotal is not the sum of line gross amounts');
  if (sale.discountMinor !== discount) issue(['discountMinor'], 'discount is not the sum of line discounts');
  if (sale.totalMinor !== net) issue(['totalMinor'], 'total is not the sum of line net amounts');
  const paid = sale.payments.reduce((sum, p) => sum + p.amountMinor, 0);
  if (paid !== sale.totalMinor) issue(['payments'], 'payments do not add up to the total');
  const change = sale.payments.reduce((sum, p) => sum + (p.tenderedMinor === null ? 0 : p.tenderedMinor - p.amountMinor), 0);
  sale.payments.forEach((p, i) => {
    if (p.tenderedMinor !== null && p.tender !== 'cash') issue(['payments', i, 'tenderedMinor'], 'only cash is tendered with change');
    if (p.tenderedMinor !== null && p.tenderedMinor < p.amountMinor) issue(['payments', i, 'tenderedMinor'], 'cash tendered is less than the amount');
  });
  if (change !== sale.changeMinor) issue(['changeMinor'], 'change is not cash tendered − cash amount');
  if (Date.parse(sale.completedAt) < Date.parse(sale.startedAt)) issue(['completedAt'], 'completed before it started');
});
export type Sale = z.infer<typeof Sale>;
