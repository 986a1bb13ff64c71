import { parseMinor, scaleMinor, type ManualDiscount, type Minor } from '@pos/shared';
import { translate } from '../../i18n/translate';

export type DiscountKind = ManualDiscount['kind'];

/** Why what the cashier typed is not a discount; each has its words in `error.<code>`. */
export type DiscountProblem =
  | 'DISCOUNT_VALUE_MISSING'
  | 'DISCOUNT_PERCENT_INVALID'
  | 'DISCOUNT_PERCENT_RANGE'
  | 'DISCOUNT_AMOUNT_INVALID'
  | 'DISCOUNT_AMOUNT_OVER'
  | 'DISCOUNT_TARGET_FREE'
  | 'DISCOUNT_TOO_SMALL';

/** A typed discount before anyone is recorded against it. */
export interface DiscountDraft {
  kind: DiscountKind;
  /** As `ManualDiscount.value`: basis points for a percentage, minor units for an amount. */
  value: number;
  /** What it takes off its target, worked out as the engine does. */
  offMinor: Minor;
}

export type DiscountParse = { ok: true; draft: DiscountDraft } | { ok: false; code: DiscountProblem };

/** Whole percent with at most one decimal: "10" is 10 %, "12.5" is 12.5 %. */
const percentPattern = /^(\d+)(?:[.,](\d))?$/;

/**
 * Reads the percentage or amount the cashier typed against its target's current net (the
 * line's, or the ticket's total). An amount may take the whole target but no more.
 */
export function parseDiscount(text: string, kind: DiscountKind, targetMinor: Minor, exponent: number): DiscountParse {
  if (targetMinor <= 0) return { ok: false, code: 'DISCOUNT_TARGET_FREE' };
  const typed = text.trim();
  if (typed === '') return { ok: false, code: 'DISCOUNT_VALUE_MISSING' };
  return kind === 'percent' ? percentDraft(typed, targetMinor) : amountDraft(typed, targetMinor, exponent);
}

function percentDraft(typed: string, targetMinor: Minor): DiscountParse {
  const match = percentPattern.exec(typed);
  if (!match) return { ok: false, code: 'DISCOUNT_PERCENT_INVALID' };
  const basisPoints = Number(match[1]) * 100 + Number(match[2] ?? '0') * 10;
  if (basisPoints <= 0 || basisPoints > 10_000) return { ok: false, code: 'DISCOUNT_PERCENT_RANGE' };
  const offMinor = scaleMinor(targetMinor, basisPoints, 10_000);
  // 0.1 % of a few fen rounds to nothing: refused, so no discount is recorded that gave nothing.
  return offMinor > 0 ? { ok: true, draft: { kind: 'percent', value: basisPoints, offMinor } } : { ok: false, code: 'DISCOUNT_TOO_SMALL' };
}

function amountDraft(typed: string, targetMinor: Minor, exponent: number): DiscountParse {
  const amount = parseMinor(typed, exponent);
  if (amount === null || amount <= 0) return { ok: false, code: 'DISCOUNT_AMOUNT_INVALID' };
  if (amount > targetMinor) return { ok: false, code: 'DISCOUNT_AMOUNT_OVER' };
  return { ok: true, draft: { kind: 'amount', value: amount, offMinor: amount } };
}

/** Reasons a cashier picks with one key; anything else goes in the note. */
export const quickReasons = ['damaged', 'near_expiry', 'regular_customer'] as const;
export type QuickReason = (typeof quickReasons)[number];

/** The longest reason `ManualDiscount` takes. */
const reasonMaxLength = 120;

/**
 * The reason the sale keeps and the receipt prints as the discount's name. A quick reason is
 * written in both languages, as promotion names are, so HQ counts "damaged" as one reason
 * whichever language each till was showing.
 */
export function discountReason(quick: QuickReason | null, note: string): string | null {
  const key = quick && (`discount.reason.${quick}` as const);
  const parts = [key ? `${translate('zh-CN', key)} ${translate('en', key)}` : '', note.trim()].filter((part) => part !== '');
  return parts.length > 0 ? parts.join(' · ').slice(0, reasonMaxLength) : null;
}
