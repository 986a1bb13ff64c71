import { z } from 'zod';
import { SafeText } from './common';

/** Which way a reason moves cash: into the drawer, out of it, or either. */
export const CashReasonDirection = z.enum(['in', 'out', 'both']);
export type CashReasonDirection = z.infer<typeof CashReasonDirection>;

/**
 * A reason for putting cash into or taking it out of a till outside a sale (收支类别): petty
 * cash, a bank deposit, a top-up of the change float. HQ keeps the chain's list; tills pull it.
 */
export const CashReason = z.object({
  id: z.uuid(),
  code: SafeText.trim().min(1).max(20),
  nameZh: SafeText.trim().min(1).max(40),
  nameEn: SafeText.trim().min(1).max(60),
  direction: CashReasonDirection,
  sortOrder: z.number().int().min(0).max(9999),
  active: z.boolean(),
});
export type CashReason = z.infer<typeof CashReason>;

/** What HQ takes to add or change a reason; `active` false retires it (tills then drop it). */
export const CashReasonBody = CashReason.omit({ id: true, active: true }).extend({ active: z.boolean().default(true) }).strict();
export type CashReasonBody = z.infer<typeof CashReasonBody>;

export const CashReasonList = z.object({ items: z.array(CashReason) });
export type CashReasonList = z.infer<typeof CashReasonList>;

/** True when a reason may be used for cash moving `way`. */
export const reasonAllows = (reason: Pick<CashReason, 'direction'>, way: 'in' | 'out'): boolean => reason.direction === 'both' || reason.direction === way;
