import { z } from 'zod';
import { LocalDate } from './common';

/** A day a report may ask for: a real calendar day from 2000 to 2100, the span the business can have data in. */
export const ReportDate = LocalDate.refine((date) => date >= '2000-01-01' && date <= '2100-12-31', 'must be a day from 2000-01-01 to 2100-12-31');

export const StoreDayQuery = z
  .object({
    from: ReportDate,
    to: ReportDate,
    storeId: z.uuid().optional(),
  })
  .refine((q) => q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] });
export type StoreDayQuery = z.infer<typeof StoreDayQuery>;

export const StoreDayRow = z.object({
  storeId: z.uuid(),
  storeCode: z.string(),
  storeName: z.string(),
  businessDate: LocalDate,
  salesMinor: z.number().int(),
  tickets: z.number().int(),
  items: z.number().int(),
  averageBasketMinor: z.number().int(),
});
export type StoreDayRow = z.infer<typeof StoreDayRow>;

export const StoreDayReport = z.object({
  from: LocalDate,
  to: LocalDate,
  rows: z.array(StoreDayRow),
  totals: z.object({ salesMinor: z.number().int(), tickets: z.number().int(), items: z.number().int(), averageBasketMinor: z.number().int() }),
});
export type StoreDayReport = z.infer<typeof StoreDayReport>;
