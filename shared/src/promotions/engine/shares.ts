export type AdjustmentStage = 'line' | 'ticket' | 'voucher' | 'manual';

/** Who or what gave a discount, as the sale document records it. */
export interface AdjustmentSource {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly kind: string;
  readonly stage: AdjustmentStage;
  readonly exclusive: boolean;
  /** The cashier who typed a manual discount. */
  readonly enteredBy: string | null;
  /** The voucher code redeemed. */
  readonly reference: string | null;
}

/** Part of a discount that lands on one line. */
export interface Share {
  readonly source: AdjustmentSource;
  readonly lineIndex: number;
  readonly amount: number;
}

/** The lines' amounts after a stage: what remains of each, and the shares that took it off. */
export interface StageOutcome {
  readonly remaining: number[];
  readonly shares: Share[];
}

export function savingOf(before: readonly number[], after: readonly number[]): number {
  let saving = 0;
  for (let i = 0; i < before.length; i++) saving += before[i]! - after[i]!;
  return saving;
}

/**
 * Orders two choices of equal value: the one whose rules come first in rank order wins,
 * so that the same inputs always give the same choice. Negative when `a` wins.
 */
export function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
