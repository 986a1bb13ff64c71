import { z } from 'zod';
import { IsoDateTime, LocalDate } from './common';
import { TillKey } from './permissions';
import { ReportDate } from './reports';

/** `GET /sales/approvals`: manager overrides of the stores in scope, on sales and till events, by the business day of their document, newest first unless sorted. */
export const ApprovalsQuery = z
  .object({
    storeId: z.uuid().optional(),
    from: ReportDate.optional(),
    to: ReportDate.optional(),
    /** Only these keys, comma-separated. */
    key: z
      .string()
      .max(400)
      .transform((text, ctx) => {
        const keys = text.split(',').filter((k) => k !== '');
        const parsed = z.array(TillKey).safeParse(keys);
        if (!parsed.success) ctx.addIssue({ code: 'custom', message: `each key is one of ${TillKey.options.join(', ')}` });
        return parsed.success ? parsed.data : [];
      })
      .optional(),
    sort: z.enum(['at', 'key', 'receiptNo']).default('at'),
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] });
export type ApprovalsQuery = z.infer<typeof ApprovalsQuery>;

/** A clerk named in a listing: their id, code and name. */
export const ClerkRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
export type ClerkRef = z.infer<typeof ClerkRef>;

/** What an override was given on: a sale, a return (退换货), or a till event (a key that acts without a sale). */
export const ApprovalDocumentKind = z.enum(['sale', 'return', 'till_event']);
export type ApprovalDocumentKind = z.infer<typeof ApprovalDocumentKind>;

/**
 * One manager override, with the document it was given on and who asked and approved by name:
 * for a sale its receipt number, for a return its return number, for a till event none (the reprinted receipt is the event's own).
 */
export const ApprovalRecord = z.object({
  id: z.uuid(),
  key: TillKey,
  at: IsoDateTime,
  documentKind: ApprovalDocumentKind,
  documentId: z.uuid(),
  receiptNo: z.string().nullable(),
  /** The business day of the sale or till event. */
  businessDate: LocalDate,
  storeId: z.uuid(),
  storeCode: z.string(),
  /** The line's product name when the override was on a line still on the sale. */
  lineName: z.object({ nameZh: z.string(), nameEn: z.string() }).nullable(),
  requestedBy: ClerkRef,
  approvedBy: ClerkRef,
});
export type ApprovalRecord = z.infer<typeof ApprovalRecord>;

export const ApprovalList = z.object({ items: z.array(ApprovalRecord), total: z.number().int() });
export type ApprovalList = z.infer<typeof ApprovalList>;
