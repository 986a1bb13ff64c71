import { z } from 'zod';
import { MinorSchema, NonNegativeMinor } from '../money/money';
import { IsoDateTime } from '../schemas/common';
import { Return } from '../schemas/returns';
import { Sale, Tender } from '../schemas/sales';

/** Documents the till asks the bridge to lay out and print (一机多能). */
const Line = z.string().min(1).max(80);
const StoreHeader = z.object({ name: Line, address: Line.nullable(), phone: z.string().max(32).nullable() });

export const ReceiptMember = z.object({
  cardNoMasked: z.string().min(4).max(32),
  name: z.string().max(40).nullable(),
  level: z.string().max(40).nullable(),
  /** Null until the member's points are known to the till. */
  pointsEarned: z.number().int().nullable(),
  pointsBalance: z.number().int().nullable(),
  storedValueBalanceMinor: NonNegativeMinor.nullable(),
});
export type ReceiptMember = z.infer<typeof ReceiptMember>;

/** A sales clerk (营业员) a line is credited to, by the code the receipt prints. */
export const ReceiptClerk = z.object({ id: z.uuid(), code: z.string().min(1).max(16) });
export type ReceiptClerk = z.infer<typeof ReceiptClerk>;

export const SaleReceiptDocument = z.object({
  kind: z.literal('sale_receipt'),
  store: StoreHeader,
  cashierName: z.string().min(1).max(40),
  sale: Sale,
  /** The codes of the clerks the sale's lines are credited to; absent from tills before clerks were printed. */
  clerks: z.array(ReceiptClerk).max(100).optional(),
  member: ReceiptMember.nullable(),
  /** What each promotion saved, as the pricing engine named it. */
  promotions: z.array(z.object({ name: Line, savedMinor: NonNegativeMinor })).max(50),
  footer: z.array(Line).max(10),
  reprint: z.boolean(),
});
export type SaleReceiptDocument = z.infer<typeof SaleReceiptDocument>;

export const TopUpSlipDocument = z.object({
  kind: z.literal('top_up_slip'),
  id: z.uuid(),
  store: StoreHeader,
  cashierName: z.string().min(1).max(40),
  at: IsoDateTime,
  cardNoMasked: z.string().min(4).max(32),
  memberName: z.string().max(40).nullable(),
  tender: Tender,
  amountMinor: NonNegativeMinor,
  bonusMinor: NonNegativeMinor,
  balanceAfterMinor: NonNegativeMinor,
});
export type TopUpSlipDocument = z.infer<typeof TopUpSlipDocument>;

export const ShiftZReportDocument = z.object({
  kind: z.literal('shift_z_report'),
  id: z.uuid(),
  store: StoreHeader,
  cashierName: z.string().min(1).max(40),
  openedAt: IsoDateTime,
  closedAt: IsoDateTime,
  ticketCount: z.number().int().min(0),
  grossMinor: NonNegativeMinor,
  discountMinor: NonNegativeMinor,
  refundsMinor: NonNegativeMinor,
  netMinor: MinorSchema,
  byTender: z.array(z.object({ tender: Tender, amountMinor: MinorSchema })).max(10),
  floatMinor: NonNegativeMinor,
  cashInMinor: NonNegativeMinor,
  cashOutMinor: NonNegativeMinor,
  expectedCashMinor: MinorSchema,
  countedCashMinor: NonNegativeMinor,
  /** Cash rounding (抹零) over the shift, printed when there was any; reports made before it was kept have none. */
  roundingMinor: MinorSchema.optional(),
});
export type ShiftZReportDocument = z.infer<typeof ShiftZReportDocument>;

/** The same figures mid-shift (X report): printed at any time, closing nothing, with no count. */
export const ShiftXReportDocument = ShiftZReportDocument.omit({ kind: true, closedAt: true, countedCashMinor: true }).extend({
  kind: z.literal('shift_x_report'),
  printedAt: IsoDateTime,
});
export type ShiftXReportDocument = z.infer<typeof ShiftXReportDocument>;

export const TransferNoteDocument = z.object({
  kind: z.literal('transfer_note'),
  id: z.uuid(),
  noteNo: z.string().min(1).max(32),
  fromStore: Line,
  toStore: Line,
  at: IsoDateTime,
  preparedBy: z.string().min(1).max(40),
  lines: z.array(z.object({ barcode: z.string().max(32).nullable(), nameZh: Line, nameEn: Line, quantity: z.number().int().min(1) })).min(1).max(500),
});
export type TransferNoteDocument = z.infer<typeof TransferNoteDocument>;

/** A return or exchange slip (退货单 / 换货单): what came back, what went out, and the money each way. */
export const ReturnSlipDocument = z.object({
  kind: z.literal('return_slip'),
  store: StoreHeader,
  cashierName: z.string().min(1).max(40),
  return: Return,
  /** Who approved, by name, for each override on the return. */
  approvedBy: z.array(z.string().min(1).max(40)).max(10),
  reprint: z.boolean(),
});
export type ReturnSlipDocument = z.infer<typeof ReturnSlipDocument>;

export const ReceiptDocument = z.discriminatedUnion('kind', [SaleReceiptDocument, TopUpSlipDocument, ShiftZReportDocument, ShiftXReportDocument, TransferNoteDocument, ReturnSlipDocument]);
export type ReceiptDocument = z.infer<typeof ReceiptDocument>;
