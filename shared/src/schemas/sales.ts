import { z } from 'zod';
import { UuidV7 } from '../ids/uuidv7';
import { ManualDiscount, MemberContext } from '../promotions/promotions.schemas';
import { CurrencyCode, IsoDateTime, SafeText } from './common';
import { CardNo } from './card-no';
import { TillKey } from './permissions';
import { minorUpTo, SALE_LIMITS } from './sale-limits';

const LineMinor = minorUpTo(SALE_LIMITS.lineMinor);
const SaleMinor = minorUpTo(SALE_LIMITS.saleMinor);

export const Tender = z.enum(['cash', 'bank_card', 'stored_value', 'points', 'voucher']);
export type Tender = z.infer<typeof Tender>;

/** One discount on a line as the till's engine gave it; a ticket-level one appears as its share on each line. */
export const SaleLineAdjustment = z.object({
  ruleId: SafeText.min(1).max(80),
  ruleName: SafeText.max(120),
  amountMinor: LineMinor,
});
export type SaleLineAdjustment = z.infer<typeof SaleLineAdjustment>;

/** What the till priced the sale with beyond the catalog, so HQ can price it again. */
export const SalePricing = z.object({
  channel: z.enum(['retail', 'wholesale']).default('retail'),
  member: MemberContext.nullable().default(null),
  vouchers: z.array(z.object({ code: SafeText.min(1).max(64) })).max(20).default([]),
  /** Discounts the cashier typed (销售折让), each naming who entered it. */
  manualDiscounts: z.array(ManualDiscount).max(100).default([]),
  /** The till's pull cursor when it priced the sale: how current its prices and promotions were. */
  dataSeq: z.number().int().min(0).optional(),
});
export type SalePricing = z.infer<typeof SalePricing>;

/** Commission credit is shared in basis points: 10000 is the whole line. */
export const WHOLE_SHARE_BP = 10_000;
/** A line is credited to one sales clerk, or shared between two (e.g. 60/40). */
export const MAX_LINE_CLERKS = 2;

/** A sales clerk's share of a line, in basis points of the whole. */
export const LineClerkShare = z.object({
  clerkId: z.uuid(),
  shareBp: z.number().int().min(1).max(WHOLE_SHARE_BP),
});
export type LineClerkShare = z.infer<typeof LineClerkShare>;

const LineClerkShares = z
  .array(LineClerkShare)
  .min(1)
  .max(MAX_LINE_CLERKS)
  .refine((shares) => shares.reduce((sum, s) => sum + s.shareBp, 0) === WHOLE_SHARE_BP, 'the shares add up to 10000 basis points')
  .refine((shares) => new Set(shares.map((s) => s.clerkId.toLowerCase())).size === shares.length, 'a clerk is named once on a line');

export const SaleLine = z.object({
  id: z.uuid(),
  lineNo: z.number().int().min(1),
  productId: z.uuid(),
  barcode: SafeText.max(32).nullable(),
  nameZh: SafeText.min(1).max(120),
  nameEn: SafeText.min(1).max(120),
  quantity: z.number().int().min(1).max(SALE_LIMITS.quantity),
  unitPriceMinor: LineMinor,
  grossMinor: LineMinor,
  discountMinor: LineMinor,
  netMinor: LineMinor,
  /** The sales clerk credited with this line (commission), the first of `clerkShares` when shared; null when the cashier sold it. */
  clerkId: z.uuid().nullable(),
  /** A line shared between clerks (营业员分成): each one's share, `clerkId` first. Absent: `clerkId` alone has the whole line. */
  clerkShares: LineClerkShares.optional(),
  /** For a weighed line whose label carries the weight: `unitPriceMinor` is then the whole label. */
  weightGrams: z.number().int().positive().max(SALE_LIMITS.weightGrams).nullable().optional(),
  /** The discounts behind `discountMinor`; when present they add up to it. */
  adjustments: z.array(SaleLineAdjustment).max(50).optional(),
  /** A gift (赠品): the promotion that gave it. Its discount is its whole gross, so it nets to nothing. */
  giftRuleId: SafeText.min(1).max(80).nullable().optional(),
}).superRefine((line, ctx) => {
  const first = line.clerkShares?.[0]?.clerkId;
  if (first !== undefined && first.toLowerCase() !== line.clerkId?.toLowerCase()) {
    ctx.addIssue({ code: 'custom', path: ['clerkShares', 0, 'clerkId'], message: 'the first share is the line\'s clerk' });
  }
});
export type SaleLine = z.infer<typeof SaleLine>;

export const SalePayment = z.object({
  id: z.uuid(),
  tender: Tender,
  amountMinor: SaleMinor,
  /** Cash handed over by the customer; the change is `tenderedMinor - amountMinor`. */
  tenderedMinor: SaleMinor.nullable(),
  /** The card terminal's reference (参考号) for a bank card, required; a stored-value or points payment may name its ledger entry. */
  reference: SafeText.max(64).nullable(),
  /**
   * A stored-value payment the till took while HQ could not be reached, within the chain's offline
   * allowance (离线储值): the card it was taken from. HQ debits the card when the sale arrives;
   * what the account cannot cover becomes a receivable that blocks it until settled.
   */
  offlineCardNo: CardNo.optional(),
});
export type SalePayment = z.infer<typeof SalePayment>;

/**
 * A manager's code and PIN given on the spot for a key the cashier's role does not allow alone
 * (店长授权): which key, on which line (null for the ticket, or for a line taken out), who asked
 * and who approved.
 */
export const SaleApproval = z.object({
  id: z.uuid(),
  key: TillKey,
  lineId: z.uuid().nullable(),
  requestedBy: z.uuid(),
  approvedBy: z.uuid(),
  at: IsoDateTime,
});
export type SaleApproval = z.infer<typeof SaleApproval>;

const SaleShape = z.object({
  kind: z.literal('sale'),
  id: UuidV7,
  storeId: z.uuid(),
  deviceId: z.uuid(),
  cashierId: z.uuid(),
  receiptNo: SafeText.min(1).max(32),
  currency: CurrencyCode,
  startedAt: IsoDateTime,
  completedAt: IsoDateTime,
  lines: z.array(SaleLine).min(1, 'a sale has at least one line').max(SALE_LIMITS.lines),
  payments: z.array(SalePayment).min(1, 'a sale has at least one payment').max(SALE_LIMITS.payments),
  subtotalMinor: SaleMinor,
  discountMinor: SaleMinor,
  totalMinor: SaleMinor,
  /** Cash rounding (抹零): the payments add up to `totalMinor + roundingMinor`; negative when rounded down. */
  roundingMinor: z.number().int().min(-99).max(99).default(0),
  changeMinor: SaleMinor,
  /** Absent on sales from tills that price without the engine: HQ then prices them as a walk-in customer's. */
  pricing: SalePricing.optional(),
  /** Every manager override given while the sale was rung up; sales from older tills have none. */
  approvals: z.array(SaleApproval).max(SALE_LIMITS.approvals).default([]),
  /** The till's shift (班次) the sale was rung up in; absent or null from tills that sold before shifts. */
  shiftId: z.uuid().nullable().optional(),
});

type Issue = (path: (string | number)[], message: string) => void;

/** The ids a sale makes for its rows: each used once, in lower case as the till writes them, since HQ compares them as UUIDs. */
function checkIds(sale: z.infer<typeof SaleShape>, issue: Issue): void {
  const lower = (id: string) => id === id.toLowerCase();
  if (!lower(sale.id)) issue(['id'], 'ids are written in lower case');
  const noun = { lines: 'line', payments: 'payment', approvals: 'approval' } as const;
  for (const [key, rows] of [['lines', sale.lines], ['payments', sale.payments], ['approvals', sale.approvals]] as const) {
    const seen = new Set<string>();
    rows.forEach(({ id }, i) => {
      if (seen.has(id)) issue([key, i, 'id'], `${noun[key]} id repeated`);
      else if (!lower(id)) issue([key, i, 'id'], 'ids are written in lower case');
      seen.add(id);
    });
  }
}

/** An approval names a line of this sale or none, and is given by someone other than who asked. */
function checkApprovals(sale: z.infer<typeof SaleShape>, issue: Issue): void {
  const lineIds = new Set(sale.lines.map((l) => l.id));
  sale.approvals.forEach((a, i) => {
    if (a.lineId !== null && !lineIds.has(a.lineId)) issue(['approvals', i, 'lineId'], 'not a line of this sale');
    if (a.approvedBy === a.requestedBy) issue(['approvals', i, 'approvedBy'], 'a clerk cannot approve their own request');
  });
}

function checkLines(sale: z.infer<typeof SaleShape>, issue: Issue): void {
  let subtotal = 0;
  let discount = 0;
  let net = 0;
  sale.lines.forEach((line, i) => {
    if (line.grossMinor !== line.unitPriceMinor * line.quantity) issue(['lines', i, 'grossMinor'], 'gross is not unit price × quantity');
    if (line.netMinor !== line.grossMinor - line.discountMinor) issue(['lines', i, 'netMinor'], 'net is not gross − discount');
    if (line.giftRuleId && line.discountMinor !== line.grossMinor) issue(['lines', i, 'discountMinor'], 'a gift line is discounted by its whole gross');
    const adjusted = line.adjustments?.reduce((sum, a) => sum + a.amountMinor, 0);
    if (adjusted !== undefined && adjusted !== line.discountMinor) issue(['lines', i, 'adjustments'], 'adjustments do not add up to the line discount');
    subtotal += line.grossMinor;
    discount += line.discountMinor;
    net += line.netMinor;
  });
  if (sale.subtotalMinor !== subtotal) issue(['subtotalMinor'], 'subtotal is not the sum of line gross amounts');
  if (sale.discountMinor !== discount) issue(['discountMinor'], 'discount is not the sum of line discounts');
  if (sale.totalMinor !== net) issue(['totalMinor'], 'total is not the sum of line net amounts');
}

function checkPayments(sale: z.infer<typeof SaleShape>, issue: Issue): void {
  const paid = sale.payments.reduce((sum, p) => sum + p.amountMinor, 0);
  if (sale.totalMinor + sale.roundingMinor < 0) issue(['roundingMinor'], 'rounding takes the total below zero');
  if (paid !== sale.totalMinor + sale.roundingMinor) issue(['payments'], 'payments do not add up to the total plus rounding');
  const change = sale.payments.reduce((sum, p) => sum + (p.tenderedMinor === null ? 0 : p.tenderedMinor - p.amountMinor), 0);
  sale.payments.forEach((p, i) => {
    if (p.tender === 'bank_card' && (p.reference ?? '').trim() === '') issue(['payments', i, 'reference'], 'a card payment names the terminal\'s reference');
    if (p.tenderedMinor !== null && p.tender !== 'cash') issue(['payments', i, 'tenderedMinor'], 'only cash is tendered with change');
    if (p.tenderedMinor !== null && p.tenderedMinor < p.amountMinor) issue(['payments', i, 'tenderedMinor'], 'cash tendered is less than the amount');
    if (p.offlineCardNo !== undefined && p.tender !== 'stored_value') issue(['payments', i, 'offlineCardNo'], 'only stored value is taken offline from a card');
  });
  if (change !== sale.changeMinor) issue(['changeMinor'], 'change is not cash tendered − cash amount');
}

/**
 * A finished sale as the till made it. The arithmetic must hold to the fen, and every
 * amount stay within `SALE_LIMITS`, or the document is refused. How far its dates may be
 * from the receiver's clock is `saleTimeIssue`'s, since a schema has no clock.
 */
export const Sale = SaleShape.superRefine((sale, ctx) => {
  const issue: Issue = (path, message) => ctx.addIssue({ code: 'custom', path, message });
  checkIds(sale, issue);
  checkLines(sale, issue);
  checkPayments(sale, issue);
  checkApprovals(sale, issue);
  const took = Date.parse(sale.completedAt) - Date.parse(sale.startedAt);
  if (took < 0) issue(['completedAt'], 'completed before it started');
  if (took > SALE_LIMITS.durationMs) issue(['startedAt'], 'started more than a day before it was completed');
});
export type Sale = z.infer<typeof Sale>;
