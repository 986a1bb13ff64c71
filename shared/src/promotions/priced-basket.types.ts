import type { Minor } from '../money/money';
import type { AdjustmentStage } from './engine/shares';
import type { VoucherResult } from './engine/voucher-stage';

/** One discount as the sale document records it; `lineId` null for a ticket-level one, spread over lines. */
export interface Adjustment {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly kind: string;
  readonly stage: AdjustmentStage;
  readonly lineId: string | null;
  readonly amountMinor: Minor;
  readonly enteredBy: string | null;
  readonly reference: string | null;
}

export interface LineDiscount {
  readonly ruleId: string;
  readonly stage: AdjustmentStage;
  readonly amountMinor: Minor;
}

export interface PricedLine {
  readonly lineId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly unitPriceMinor: Minor;
  readonly grossMinor: Minor;
  /** Every discount on the line, its share of ticket-level ones included. */
  readonly discountMinor: Minor;
  /** What refunds, margin and commission see. Never below zero. */
  readonly netMinor: Minor;
  readonly discounts: readonly LineDiscount[];
  readonly pointsMultiplierBp: number;
  readonly clerkId: string | null;
}

export interface GiftLine {
  readonly lineId: string;
  readonly ruleId: string;
  readonly ruleName: string;
  readonly productId: string;
  readonly quantity: number;
  readonly valueMinor: Minor;
}

export interface PricedBasket {
  readonly lines: readonly PricedLine[];
  readonly adjustments: readonly Adjustment[];
  readonly gifts: readonly GiftLine[];
  readonly vouchers: readonly VoucherResult[];
  /** Manual discounts that named a line not in the basket. */
  readonly ignoredManualDiscountIds: readonly string[];
  readonly subtotalMinor: Minor;
  readonly discountMinor: Minor;
  /** The sum of line nets, before cash rounding. */
  readonly totalMinor: Minor;
  readonly roundingMinor: Minor;
  /** What the customer pays: total plus rounding. */
  readonly payableMinor: Minor;
  /** Money off plus the value of gifts: what the receipt says the customer saved. */
  readonly totalSavingMinor: Minor;
  readonly giftValueMinor: Minor;
}
