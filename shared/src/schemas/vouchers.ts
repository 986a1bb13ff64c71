import { z } from 'zod';
import { IsoDateTime, QueryText } from './common';

export const VoucherCodeParams = z.object({ code: QueryText(64).min(1) });

/**
 * Whether a voucher code was spent, and when, so a till online refuses it before the customer
 * pays. Which sale and store spent it stays at HQ: the store may be another franchisee's.
 */
export const VoucherState = z.object({
  code: z.string(),
  redeemedAt: IsoDateTime.nullable(),
});
export type VoucherState = z.infer<typeof VoucherState>;
