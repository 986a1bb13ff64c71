import { z } from 'zod';
import { ClerkRef } from './approvals';
import { IsoDateTime, LocalDate } from './common';
import { ReportDate } from './reports';
import { TillEventKind, VoidedTicket } from './till-events';

/** `GET /till-events`: drawer openings, voided tickets and reprints of the stores in scope, by business day, newest first unless sorted. */
export const TillEventsQuery = z
  .object({
    storeId: z.uuid().optional(),
    from: ReportDate.optional(),
    to: ReportDate.optional(),
    /** Only these kinds, comma-separated. */
    event: z
      .string()
      .max(200)
      .transform((text, ctx) => {
        const kinds = text.split(',').filter((k) => k !== '');
        const parsed = z.array(TillEventKind).safeParse(kinds);
        if (!parsed.success) ctx.addIssue({ code: 'custom', message: `each event is one of ${TillEventKind.options.join(', ')}` });
        return parsed.success ? parsed.data : [];
      })
      .optional(),
    sort: z.enum(['completedAt', 'event']).default('completedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] });
export type TillEventsQuery = z.infer<typeof TillEventsQuery>;

/** One till event as the office lists it: where and when, who pressed the key, what it did and who approved it. */
export const TillEventRecord = z.object({
  id: z.uuid(),
  event: TillEventKind,
  completedAt: IsoDateTime,
  businessDate: LocalDate,
  storeId: z.uuid(),
  storeCode: z.string(),
  deviceCode: z.string(),
  clerk: ClerkRef,
  ticket: VoidedTicket.nullable(),
  receiptNo: z.string().nullable(),
  /** Null when the clerk's role allowed the key alone. */
  approvedBy: ClerkRef.nullable(),
});
export type TillEventRecord = z.infer<typeof TillEventRecord>;

export const TillEventList = z.object({ items: z.array(TillEventRecord), total: z.number().int() });
export type TillEventList = z.infer<typeof TillEventList>;
