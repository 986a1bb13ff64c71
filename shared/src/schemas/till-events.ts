import { z } from 'zod';
import { UuidV7 } from '../ids/uuidv7';
import { CurrencyCode, IsoDateTime, SafeText } from './common';
import { minorUpTo, SALE_LIMITS } from './sale-limits';
import { SaleApproval } from './sales';

/** The keys that act at the till without making a sale (无销售开钱箱、整单作废、重打小票), so each use is a document of its own. */
export const TillEventKind = z.enum(['no_sale', 'void_ticket', 'reprint']);
export type TillEventKind = z.infer<typeof TillEventKind>;

const SaleMinor = minorUpTo(SALE_LIMITS.saleMinor);

/** What was in the basket when the ticket was voided: its lines and what they came to before and after discounts. */
export const VoidedTicket = z.object({
  lineCount: z.number().int().min(1, 'a voided ticket has at least one line').max(SALE_LIMITS.lines),
  grossMinor: SaleMinor,
  netMinor: SaleMinor,
  currency: CurrencyCode,
});
export type VoidedTicket = z.infer<typeof VoidedTicket>;

/** A manager's approval of the key, as a sale records one; it names no line, since the event has none. */
export const TillEventApproval = SaleApproval.extend({ lineId: z.null({ message: 'an approval of a till event names no line' }) });
export type TillEventApproval = z.infer<typeof TillEventApproval>;

const TillEventShape = z.object({
  kind: z.literal('till_event'),
  id: UuidV7,
  storeId: z.uuid(),
  deviceId: z.uuid(),
  completedAt: IsoDateTime,
  /** The signed-in clerk who pressed the key. */
  clerkId: z.uuid(),
  event: TillEventKind,
  /** For `void_ticket` only. */
  ticket: VoidedTicket.nullable(),
  /** For `reprint` only: the receipt printed again. */
  receiptNo: SafeText.min(1).max(32).nullable(),
  /** The manager who approved the key on the spot, or null when the clerk's role allowed it alone. */
  approval: TillEventApproval.nullable(),
});

type Shape = z.infer<typeof TillEventShape>;
type Issue = (path: (string | number)[], message: string) => void;

function checkDetails(doc: Shape, issue: Issue): void {
  if (doc.event === 'void_ticket' && doc.ticket === null) issue(['ticket'], 'a voided ticket says what was in the basket');
  if (doc.event !== 'void_ticket' && doc.ticket !== null) issue(['ticket'], 'only a voided ticket carries a basket');
  if (doc.ticket && doc.ticket.netMinor > doc.ticket.grossMinor) issue(['ticket', 'netMinor'], 'net is more than gross');
  if (doc.event === 'reprint' && doc.receiptNo === null) issue(['receiptNo'], 'a reprint names the receipt it printed again');
  if (doc.event !== 'reprint' && doc.receiptNo !== null) issue(['receiptNo'], 'only a reprint names a receipt');
}

function checkApproval(doc: Shape, issue: Issue): void {
  const { approval } = doc;
  if (!approval) return;
  if (approval.key !== doc.event) issue(['approval', 'key'], `the approval is for ${approval.key}, not for ${doc.event}`);
  if (approval.requestedBy !== doc.clerkId) issue(['approval', 'requestedBy'], 'the approval was asked for by the clerk who pressed the key');
  if (approval.approvedBy === approval.requestedBy) issue(['approval', 'approvedBy'], 'a clerk cannot approve their own request');
}

/**
 * One use of a key that acts without a sale, as the till recorded it: who pressed it, what it
 * did, and who approved it when the clerk's role did not allow it alone. Ids are written in
 * lower case, as HQ compares them as UUIDs.
 */
export const TillEvent = TillEventShape.superRefine((doc, ctx) => {
  const issue: Issue = (path, message) => ctx.addIssue({ code: 'custom', path, message });
  if (doc.id !== doc.id.toLowerCase()) issue(['id'], 'ids are written in lower case');
  if (doc.approval && doc.approval.id !== doc.approval.id.toLowerCase()) issue(['approval', 'id'], 'ids are written in lower case');
  checkDetails(doc, issue);
  checkApproval(doc, issue);
});
export type TillEvent = z.infer<typeof TillEvent>;
