import { z } from 'zod';
import { MinorSchema } from '../money/money';
import { UuidV7 } from '../ids/uuidv7';
import { CurrencyCode, IsoDateTime, SafeText } from './common';
import { TillKey } from './permissions';
import { minorUpTo, SALE_LIMITS } from './sale-limits';
import { Tender } from './sales';

/** Cash in a drawer, a float or one movement: bounded like a sale, so sums stay exact. */
const CashMinor = minorUpTo(SALE_LIMITS.saleMinor);
const Count = z.number().int().min(0).max(10_000_000);

/** What every shift document carries: the till made its id, and it names its store, till and instant. */
const documentBase = {
  id: UuidV7,
  storeId: z.uuid(),
  deviceId: z.uuid(),
  completedAt: IsoDateTime,
};

/**
 * A manager's code and PIN given on the spot for a shift key the clerk's role does not allow
 * alone (cash in/out, shift close), kept on the document it allowed.
 */
export const ShiftApproval = z
  .object({ id: z.uuid(), key: TillKey, requestedBy: z.uuid(), approvedBy: z.uuid(), at: IsoDateTime })
  .refine((a) => a.approvedBy !== a.requestedBy, { message: 'a clerk cannot approve their own request', path: ['approvedBy'] });
export type ShiftApproval = z.infer<typeof ShiftApproval>;

/** Notes and coins counted by face value (in minor units), when the cashier counted by denomination. */
export const DenominationCount = z.object({ faceMinor: z.number().int().min(1).max(100_000), quantity: Count });
export type DenominationCount = z.infer<typeof DenominationCount>;

const countedBy = (fieldPath: string) => (doc: { denominations: DenominationCount[] | null; amount: number }, ctx: z.RefinementCtx) => {
  if (!doc.denominations) return;
  const faces = new Set<number>();
  let sum = 0;
  doc.denominations.forEach((d, i) => {
    if (faces.has(d.faceMinor)) ctx.addIssue({ code: 'custom', path: ['denominations', i, 'faceMinor'], message: 'face value repeated' });
    faces.add(d.faceMinor);
    sum += d.faceMinor * d.quantity;
  });
  if (sum !== doc.amount) ctx.addIssue({ code: 'custom', path: [fieldPath], message: 'is not the sum of the denominations counted' });
};

/**
 * A shift opened on a till with its float (备用金) counted: sent at once, so HQ sees the shift
 * before it closes. The document's id is the shift's id.
 */
export const ShiftOpen = z
  .object({
    kind: z.literal('shift_open'),
    ...documentBase,
    cashierId: z.uuid(),
    currency: CurrencyCode,
    floatMinor: CashMinor,
    denominations: z.array(DenominationCount).max(30).nullable(),
  })
  .superRefine((doc, ctx) => countedBy('floatMinor')({ denominations: doc.denominations, amount: doc.floatMinor }, ctx));
export type ShiftOpen = z.infer<typeof ShiftOpen>;

/** Cash put into the drawer or taken out of it outside a sale, with a reason from the chain's list (收支类别). */
export const CashMovement = z.object({
  kind: z.literal('cash_movement'),
  ...documentBase,
  shiftId: z.uuid(),
  cashierId: z.uuid(),
  direction: z.enum(['in', 'out']),
  reasonId: z.uuid(),
  amountMinor: CashMinor.refine((v) => v > 0, 'must be more than zero'),
  note: SafeText.max(200).nullable(),
  approval: ShiftApproval.nullable(),
});
export type CashMovement = z.infer<typeof CashMovement>;

/** The amount one tender took over a shift, and on how many sales (or refunds). */
export const ShiftTenderTotal = z.object({ tender: Tender, amountMinor: MinorSchema, count: Count });
export type ShiftTenderTotal = z.infer<typeof ShiftTenderTotal>;

/**
 * A shift's figures (the X and Z reports' numbers), made by `shiftTotals` from the shift's own
 * documents. Expected cash = float + cash taken in sales − cash refunded + cash in − cash out.
 */
export const ShiftTotals = z.object({
  ticketCount: Count,
  itemCount: Count,
  grossMinor: MinorSchema,
  discountMinor: MinorSchema,
  /** Cash rounding (抹零) over the shift: negative when rounded down. */
  roundingMinor: MinorSchema,
  /** What the sales came to: gross − discount + rounding, which the tenders add up to. */
  salesMinor: MinorSchema,
  refundCount: Count,
  refundsMinor: MinorSchema,
  netMinor: MinorSchema,
  byTender: z.array(ShiftTenderTotal).max(10),
  refundsByTender: z.array(ShiftTenderTotal).max(10),
  floatMinor: MinorSchema,
  cashSalesMinor: MinorSchema,
  cashRefundsMinor: MinorSchema,
  cashInMinor: MinorSchema,
  cashOutMinor: MinorSchema,
  cashMovementCount: Count,
  expectedCashMinor: MinorSchema,
});
export type ShiftTotals = z.infer<typeof ShiftTotals>;

/**
 * The shift closed with a blind count (盲点): the cashier counted the drawer before the till
 * showed what it expected. Carries the Z report's figures, so HQ needs nothing else to show it.
 */
export const ShiftClose = z
  .object({
    kind: z.literal('shift_close'),
    ...documentBase,
    shiftId: z.uuid(),
    /** Who counted and closed: the opener, or a colleague closing a shift left open. */
    cashierId: z.uuid(),
    openedAt: IsoDateTime,
    countedCashMinor: CashMinor,
    denominations: z.array(DenominationCount).max(30).nullable(),
    expectedCashMinor: MinorSchema,
    /** Counted − expected: positive is cash over (长款), negative is cash short (短款). */
    differenceMinor: MinorSchema,
    totals: ShiftTotals,
    approval: ShiftApproval.nullable(),
    /** Documents still waiting in the till's outbox when the shift closed (absent from tills before it was kept). */
    documentsWaiting: z.number().int().min(0).max(10_000_000).optional(),
  })
  .superRefine((doc, ctx) => {
    countedBy('countedCashMinor')({ denominations: doc.denominations, amount: doc.countedCashMinor }, ctx);
    if (doc.expectedCashMinor !== doc.totals.expectedCashMinor) ctx.addIssue({ code: 'custom', path: ['expectedCashMinor'], message: 'is not the expected cash of the totals' });
    if (doc.differenceMinor !== doc.countedCashMinor - doc.expectedCashMinor) ctx.addIssue({ code: 'custom', path: ['differenceMinor'], message: 'is not counted − expected' });
    if (Date.parse(doc.completedAt) < Date.parse(doc.openedAt)) ctx.addIssue({ code: 'custom', path: ['completedAt'], message: 'closed before it opened' });
  });
export type ShiftClose = z.infer<typeof ShiftClose>;
