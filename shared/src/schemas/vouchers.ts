import { z } from 'zod';
import { NonNegativeMinor } from '../money/money';
import { IsoDateTime } from './common';

export const VoucherCodeParams = z.object({ code: z.string().min(1).max(64) });

/** Whether a voucher code was spent, and where, so a till online refuses it before the customer pays. */
export const VoucherState = z.object({
  code: z.string(),
  redeemed: z.boolean(),
  redemption: z.object({ saleId: z.uuid(), storeId: z.uuid(), amountMinor: NonNegativeMinor, redeemedAt: IsoDateTime }).nullable(),
});
export type VoucherState = z.infer<typeof VoucherState>;
