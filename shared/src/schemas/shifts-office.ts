import { z } from 'zod';
import { MinorSchema } from '../money/money';
import { IsoDateTime, LocalDate } from './common';
import { ReportDate } from './reports';
import { DenominationCount, ShiftTotals } from './shifts';

/** `GET /shifts`: the shifts of the stores in scope, by the business day they opened, newest first unless sorted. */
export const ShiftListQuery = z
  .object({
    storeId: z.uuid().optional(),
    from: ReportDate.optional(),
    to: ReportDate.optional(),
    status: z.enum(['open', 'closed']).optional(),
    sort: z.enum(['openedAt', 'differenceMinor']).default('openedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] });
export type ShiftListQuery = z.infer<typeof ShiftListQuery>;

const ClerkRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

/**
 * One shift as the office lists it. Cash in and out are summed from the movements HQ holds so
 * far; expected, counted and difference are the close's, null while the shift is open.
 */
export const ShiftSummary = z.object({
  id: z.uuid(),
  storeId: z.uuid(),
  storeCode: z.string(),
  deviceId: z.uuid(),
  deviceCode: z.string().nullable(),
  cashier: ClerkRef.nullable(),
  businessDate: LocalDate,
  currency: z.string(),
  openedAt: IsoDateTime,
  closedAt: IsoDateTime.nullable(),
  status: z.enum(['open', 'closed']),
  floatMinor: MinorSchema,
  cashInMinor: MinorSchema,
  cashOutMinor: MinorSchema,
  /** What the sales HQ holds of the shift came to (the close's figure once it is closed). */
  salesMinor: MinorSchema,
  ticketCount: z.number().int(),
  expectedCashMinor: MinorSchema.nullable(),
  countedCashMinor: MinorSchema.nullable(),
  differenceMinor: MinorSchema.nullable(),
  /** Documents still waiting on the till when it closed; null while open or from a till before it was kept. */
  documentsWaiting: z.number().int().nullable(),
});
export type ShiftSummary = z.infer<typeof ShiftSummary>;

export const ShiftPage = z.object({ items: z.array(ShiftSummary), total: z.number().int().nonnegative() });
export type ShiftPage = z.infer<typeof ShiftPage>;

/** A cash movement of the shift with its reason and the manager who approved it, if one did. */
export const ShiftMovementRecord = z.object({
  id: z.uuid(),
  at: IsoDateTime,
  direction: z.enum(['in', 'out']),
  reason: z.object({ id: z.uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string() }).nullable(),
  amountMinor: MinorSchema,
  note: z.string().nullable(),
  cashier: ClerkRef.nullable(),
  approvedBy: ClerkRef.nullable(),
});
export type ShiftMovementRecord = z.infer<typeof ShiftMovementRecord>;

/** `GET /shifts/{id}`: the shift, its movements, and the Z figures and count once it closed. */
export const ShiftDetail = z.object({
  shift: ShiftSummary,
  openDenominations: z.array(DenominationCount).nullable(),
  movements: z.array(ShiftMovementRecord),
  close: z
    .object({
      closedBy: ClerkRef.nullable(),
      approvedBy: ClerkRef.nullable(),
      denominations: z.array(DenominationCount).nullable(),
      totals: ShiftTotals,
    })
    .nullable(),
});
export type ShiftDetail = z.infer<typeof ShiftDetail>;
