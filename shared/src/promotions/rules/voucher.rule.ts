import { z } from 'zod';
import { minor, NonNegativeMinor } from '../../money/money';
import { defineRule } from '../define-rule';
import { LineScope } from '../rule-common.schemas';

/**
 * 代金券 / 购物券: a voucher or coupon of a face value, redeemed by code when the scope's
 * spend reaches the minimum. Each code counts once per ticket; that a code was not spent on
 * an earlier ticket is checked by HQ when the sale is paid, not here.
 */
export const voucher = defineRule({
  kind: 'voucher',
  args: z.object({
    scope: LineScope,
    codes: z.array(z.string().min(1).max(64)).min(1),
    faceValueMinor: NonNegativeMinor,
    minSpendMinor: NonNegativeMinor,
    maxPerTicket: z.number().int().min(1).max(20),
  }),
  behave: ({ scope, codes, faceValueMinor, minSpendMinor, maxPerTicket }) => ({
    stage: 'voucher',
    scope,
    codes,
    faceValueMinor: minor(faceValueMinor),
    minSpendMinor: minor(minSpendMinor),
    maxPerTicket,
  }),
});
