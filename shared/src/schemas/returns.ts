import { z } from 'zod';
import { UuidV7 } from '../ids/uuidv7';
import { minor, NonNegativeMinor } from '../money/money';
import { CurrencyCode, IsoDateTime, LocalDate, SafeText } from './common';
import { pageOf, pageQuery, QueryFlag } from './paging';
import { TillKey } from './permissions';
import { ReportDate } from './reports';
import { minorUpTo, SALE_LIMITS } from './sale-limits';
import { Sale, SaleApproval, SaleLine, SalePayment, SalePricing, Tender } from './sales';

const LineMinor = minorUpTo(SALE_LIMITS.lineMinor);
const SaleMinor = minorUpTo(SALE_LIMITS.saleMinor);

/**
 * What the chain decides about returns (退换货), pulled by tills with the pricing settings:
 * whether promotions no longer earned are taken back, above which refund a manager's PIN is
 * needed, and whether what a voucher paid may go back as cash.
 */
export const ReturnPolicy = z.object({
  /** Re-price what the customer keeps and take the promotion benefit no longer earned off the refund. */
  clawBackPromotions: z.boolean(),
  /** A refund above this needs a manager's PIN whatever the cashier's role; null for no limit. */
  managerPinAboveMinor: NonNegativeMinor.nullable(),
  /** What a voucher (代金券) paid goes back as a voucher credit; cash only when the chain says so. */
  vouchersAsCash: z.boolean(),
});
export type ReturnPolicy = z.infer<typeof ReturnPolicy>;

export const defaultReturnPolicy: ReturnPolicy = { clawBackPromotions: false, managerPinAboveMinor: null, vouchersAsCash: false };

export const ReturnReason = z.enum(['changed_mind', 'faulty', 'wrong_item', 'other']);
export type ReturnReason = z.infer<typeof ReturnReason>;

/** A line coming back: which line of the sale (null without a receipt), how many, and what it refunds. */
export const ReturnLine = z.object({
  id: z.uuid(),
  saleLineId: z.uuid().nullable(),
  productId: z.uuid(),
  barcode: SafeText.max(32).nullable(),
  nameZh: SafeText.min(1).max(120),
  nameEn: SafeText.min(1).max(120),
  quantity: z.number().int().min(1).max(SALE_LIMITS.quantity),
  /** The units' share of the line as it was paid (its net, after promotions, and its share of cash rounding). */
  refundMinor: LineMinor,
});
export type ReturnLine = z.infer<typeof ReturnLine>;

/** Money going back to the customer in one tender, naming the sale's payment it goes back to (null without a receipt). */
export const ReturnRefund = z.object({
  id: z.uuid(),
  tender: Tender,
  amountMinor: SaleMinor,
  salePaymentId: z.uuid().nullable(),
  /** For a bank card, the original terminal reference the refund is made against. */
  reference: SafeText.max(64).nullable(),
});
export type ReturnRefund = z.infer<typeof ReturnRefund>;

/** The sale a return is made against. */
export const ReturnOriginal = z.object({ saleId: z.uuid(), receiptNo: SafeText.min(1).max(32) });
export type ReturnOriginal = z.infer<typeof ReturnOriginal>;

/** A return's rounding: cash refunds are rounded down to the chain's unit, and what was held back comes back with the last return. */
const RETURN_ROUNDING_LIMIT = 999_999;

const ReturnShape = z.object({
  kind: z.literal('return'),
  id: UuidV7,
  storeId: z.uuid(),
  deviceId: z.uuid(),
  cashierId: z.uuid(),
  /** The till's shift the refund was paid from; a till from before shifts names none. */
  shiftId: z.uuid().nullable().optional(),
  /** The till's own number for the return slip (退货单), as a receipt number is for a sale. */
  returnNo: SafeText.min(1).max(32),
  currency: CurrencyCode,
  completedAt: IsoDateTime,
  /** Null for a return without a receipt. */
  original: ReturnOriginal.nullable(),
  reason: ReturnReason,
  lines: z.array(ReturnLine).min(1, 'a return takes at least one line back').max(SALE_LIMITS.lines),
  /** Promotion benefit the kept goods no longer earn, taken off the refund (when the chain says so). */
  clawbackMinor: SaleMinor.default(minor(0)),
  /** An exchange's lines going out, priced by the engine as a sale's. */
  outLines: z.array(SaleLine).max(SALE_LIMITS.lines).default([]),
  /** What the goods coming back paid towards the goods going out. */
  creditMinor: SaleMinor.default(minor(0)),
  refunds: z.array(ReturnRefund).max(SALE_LIMITS.payments),
  /** What the customer paid for an exchange beyond the goods coming back. */
  payments: z.array(SalePayment).max(SALE_LIMITS.payments).default([]),
  /** Refunds and payments minus what the lines come to: cash rounding, and rounding held back by earlier returns paid out. */
  roundingMinor: z.number().int().min(-RETURN_ROUNDING_LIMIT).max(RETURN_ROUNDING_LIMIT).default(0),
  changeMinor: SaleMinor.default(minor(0)),
  /** How the lines going out were priced (member, vouchers, cashier's discounts), so HQ can price them again. */
  pricing: SalePricing.optional(),
  approvals: z.array(SaleApproval).max(SALE_LIMITS.approvals).default([]),
});

type Issue = (path: (string | number)[], message: string) => void;
type ReturnShape = z.infer<typeof ReturnShape>;
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function checkReturnIds(doc: ReturnShape, issue: Issue): void {
  const seen = new Set<string>();
  const groups = [['lines', doc.lines], ['outLines', doc.outLines], ['refunds', doc.refunds], ['payments', doc.payments], ['approvals', doc.approvals]] as const;
  if (doc.id !== doc.id.toLowerCase()) issue(['id'], 'ids are written in lower case');
  for (const [key, rows] of groups) {
    rows.forEach(({ id }, i) => {
      if (seen.has(id)) issue([key, i, 'id'], 'id repeated');
      else if (id !== id.toLowerCase()) issue([key, i, 'id'], 'ids are written in lower case');
      seen.add(id);
    });
  }
  const backLines = new Set<string>();
  doc.lines.forEach((line, i) => {
    if (line.saleLineId === null) return;
    if (backLines.has(line.saleLineId)) issue(['lines', i, 'saleLineId'], 'a sale line comes back once per return');
    backLines.add(line.saleLineId);
  });
}

function checkReceipt(doc: ReturnShape, issue: Issue): void {
  const withReceipt = doc.original !== null;
  doc.lines.forEach((line, i) => {
    if ((line.saleLineId !== null) !== withReceipt) issue(['lines', i, 'saleLineId'], withReceipt ? 'a line of a return with a receipt names its sale line' : 'a return without a receipt names no sale line');
  });
  doc.refunds.forEach((refund, i) => {
    if (!withReceipt && refund.salePaymentId !== null) issue(['refunds', i, 'salePaymentId'], 'a return without a receipt names no payment');
  });
}

function checkMoney(doc: ReturnShape, issue: Issue): void {
  doc.outLines.forEach((line, i) => {
    if (line.grossMinor !== line.unitPriceMinor * line.quantity) issue(['outLines', i, 'grossMinor'], 'gross is not unit price × quantity');
    if (line.netMinor !== line.grossMinor - line.discountMinor) issue(['outLines', i, 'netMinor'], 'net is not gross − discount');
  });
  const back = sum(doc.lines.map((l) => l.refundMinor));
  const out = sum(doc.outLines.map((l) => l.netMinor));
  const refunded = sum(doc.refunds.map((r) => r.amountMinor));
  const paid = sum(doc.payments.map((p) => p.amountMinor));
  if (doc.clawbackMinor > back) issue(['clawbackMinor'], 'takes back more than the lines refund');
  if (doc.creditMinor > out) issue(['creditMinor'], 'credits more than the goods going out');
  if (refunded > 0 && paid > 0) issue(['payments'], 'a return either refunds or is paid, not both');
  if (refunded - paid !== back - doc.clawbackMinor - out + doc.roundingMinor) issue(['refunds'], 'refunds less payments are not the lines back less claw-back less goods out plus rounding');
  const change = sum(doc.payments.map((p) => (p.tenderedMinor === null ? 0 : p.tenderedMinor - p.amountMinor)));
  if (change !== doc.changeMinor) issue(['changeMinor'], 'change is not cash tendered − cash amount');
  doc.payments.forEach((p, i) => {
    if (p.tenderedMinor !== null && p.tenderedMinor < p.amountMinor) issue(['payments', i, 'tenderedMinor'], 'cash tendered is less than the amount');
  });
}

function checkReturnApprovals(doc: ReturnShape, issue: Issue): void {
  doc.approvals.forEach((a, i) => {
    if (a.approvedBy === a.requestedBy) issue(['approvals', i, 'approvedBy'], 'a clerk cannot approve their own request');
    if (a.lineId !== null && !doc.lines.some((l) => l.id === a.lineId)) issue(['approvals', i, 'lineId'], 'not a line of this return');
  });
}

/**
 * A return or exchange (退换货) as the till made it: lines coming back against a sale (or
 * without a receipt), lines going out for an exchange, and the money: refunds to the sale's
 * tenders, or what the customer paid beyond the goods coming back. The arithmetic must hold
 * to the fen.
 */
export const Return = ReturnShape.superRefine((doc, ctx) => {
  const issue: Issue = (path, message) => ctx.addIssue({ code: 'custom', path, message });
  checkReturnIds(doc, issue);
  checkReceipt(doc, issue);
  checkMoney(doc, issue);
  checkReturnApprovals(doc, issue);
});
export type Return = z.infer<typeof Return>;

/**
 * What earlier returns took from a sale: per line the units and their refund, per payment
 * what went back to it, the value owed for the goods back (refunds less claw-backs) and how
 * much of that was settled (refunded or put towards goods taken in exchange).
 */
export const ReturnHistory = z.object({
  returnIds: z.array(z.uuid()),
  lines: z.array(z.object({ saleLineId: z.uuid(), quantity: z.number().int().min(0), refundMinor: NonNegativeMinor })),
  payments: z.array(z.object({ salePaymentId: z.uuid(), amountMinor: NonNegativeMinor })),
  owedMinor: NonNegativeMinor,
  settledMinor: NonNegativeMinor,
});
export type ReturnHistory = z.infer<typeof ReturnHistory>;

export const emptyReturnHistory: ReturnHistory = { returnIds: [], lines: [], payments: [], owedMinor: minor(0), settledMinor: minor(0) };

/** `GET /sales/receipts/{receiptNo}`: a sale of the chain, for a till to take goods back against, with what came back already. */
export const ReceiptLookup = z.object({
  sale: Sale,
  /** The code of the store the sale was made in. */
  storeCode: z.string(),
  returned: ReturnHistory,
});
export type ReceiptLookup = z.infer<typeof ReceiptLookup>;

/** The path of `GET /sales/receipts/{receiptNo}`: a receipt number as a till prints it. */
export const ReceiptNoParams = z.object({ receiptNo: z.string().min(1).max(32).regex(/^[A-Za-z0-9-]+$/, 'letters, digits and -') });

/** `GET /returns`: returns of the stores in scope by their business day, newest first unless sorted; `differences=true` only those HQ found over-returned. */
export const ReturnsQuery = pageQuery(['completedAt', 'returnNo', 'refundedMinor'])
  .extend({
    storeId: z.uuid().optional(),
    from: ReportDate.optional(),
    to: ReportDate.optional(),
    differences: QueryFlag.optional(),
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] });
export type ReturnsQuery = z.infer<typeof ReturnsQuery>;

const ClerkName = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

/** One return as the office lists it: where and by whom, against which sale, the money, the overrides and any difference HQ found. */
export const ReturnRecord = z.object({
  id: z.uuid(),
  returnNo: z.string(),
  storeId: z.uuid(),
  storeCode: z.string(),
  businessDate: LocalDate,
  completedAt: IsoDateTime,
  cashier: ClerkName,
  original: z.object({ saleId: z.uuid(), receiptNo: z.string(), storeCode: z.string().nullable() }).nullable(),
  reason: ReturnReason,
  lines: z.array(z.object({ direction: z.enum(['back', 'out']), nameZh: z.string(), nameEn: z.string(), quantity: z.number().int(), amountMinor: z.number().int() })),
  backMinor: z.number().int(),
  clawbackMinor: z.number().int(),
  outMinor: z.number().int(),
  refundedMinor: z.number().int(),
  paidMinor: z.number().int(),
  refunds: z.array(z.object({ tender: Tender, amountMinor: z.number().int(), reference: z.string().nullable() })),
  approvals: z.array(z.object({ key: TillKey, at: IsoDateTime, approvedBy: ClerkName })),
  differences: z.array(z.object({ problem: z.enum(['OVER_RETURN', 'OVER_REFUND', 'STORED_VALUE_REFUND']), excess: z.number().int(), lineName: z.string().nullable() })),
});
export type ReturnRecord = z.infer<typeof ReturnRecord>;

export const ReturnList = pageOf(ReturnRecord);
export type ReturnList = z.infer<typeof ReturnList>;
