import { z } from 'zod';
import { isKnownTimeZone } from '../pricing/store-local-time';

export const IsoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });
export const LocalDate = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY');
/** An IANA time zone name the runtime knows, such as Asia/Shanghai. */
export const TimeZone = z.string().min(1).max(64).refine(isKnownTimeZone, 'must be an IANA time zone such as Asia/Shanghai');

// C0 and C1 control characters (NUL, ESC, DEL …) and UTF-16 halves without their partner.
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unsafeTextMessage = 'must not contain control characters or broken Unicode';

/** True when text holds no control character and no lone surrogate: what PostgreSQL, JSON and a printer all take. */
export function isSafeText(text: string): boolean {
  return !UNSAFE_TEXT.test(text);
}

/**
 * Free text from outside (names, references, codes): a string with no control characters
 * (NUL included) and no lone surrogates. Chain `.min()`/`.max()` as on any string; the check stays.
 */
export const SafeText = z.string().refine(isSafeText, unsafeTextMessage);

/** Text a caller puts in a query string or a path, such as a code: at most `maxLength` characters of safe text. */
export const QueryText = (maxLength: number) => z.string().max(maxLength).refine(isSafeText, unsafeTextMessage);

/** Search text from a query string: as `QueryText`, trimmed. */
export const SearchText = (maxLength: number) => z.string().trim().max(maxLength).refine(isSafeText, unsafeTextMessage);
export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;

/** The one error body every HQ endpoint answers with. `code` is stable; `message` is for developers. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Codes the HQ API can answer with; the UI turns them into words in the user's language. */
export const ErrorCode = z.enum([
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'PAIRING_CODE_INVALID',
  'PIN_INVALID',
  'CLERK_LOCKED',
  'PRICE_OUTSIDE_BAND',
  'IMPORT_INVALID',
  /** A barcode another product of the chain holds; `details` names that product. */
  'BARCODE_TAKEN',
  /** Still used: a category with active products or active sub-categories. */
  'IN_USE',
  /** A product that was sold is never deleted; deactivate it instead. */
  'PRODUCT_SOLD',
  'MODULE_FORBIDDEN',
  'OUTPUT_LIMIT_REACHED',
  /** The till's app version is below the chain's minimum: it must update before it syncs again. */
  'TILL_VERSION_REFUSED',
  /** The till speaks a sync protocol this HQ does not (`details`: the till's, the oldest and newest HQ takes); its documents wait on the till. */
  'SYNC_PROTOCOL_UNSUPPORTED',
  /** HQ is busy past what it takes on at once; `Retry-After` says when to try again. */
  'OVERLOADED',
  /** A member card reported lost (挂失): refused at the till until it is replaced. */
  'CARD_LOST',
  /** A member card that is not active (lost, replaced, cancelled or not yet activated); `details.status` says which. */
  'CARD_BLOCKED',
  /** A points pool holds fewer points than a redemption asks for. */
  'INSUFFICIENT_POINTS',
  'CARD_REPLACED',
  'CARD_CANCELLED',
  'CARD_NOT_ACTIVE',
  /** The card's account owes a receivable from an offline debit; its cards are blocked until it is settled. */
  'ACCOUNT_BLOCKED',
  /** The stored value is short; `details.availableMinor` is what the card can pay. */
  'INSUFFICIENT_BALANCE',
  /** A child card's per-transaction or per-day limit (附卡限额); `details` names the limit and what is left. */
  'CHILD_LIMIT_EXCEEDED',
  'CARD_PIN_REQUIRED',
  'CARD_PIN_WRONG',
  /** Too many wrong card PINs: the card refuses PINs until `details.lockedUntil`. */
  'CARD_PIN_LOCKED',
  /** The sale holding the payment reached HQ: it is no longer reversed but refunded. */
  'PAYMENT_CAPTURED',
  /** A refund beyond what the original spend took, less earlier refunds; `details.refundableMinor` is what is left. */
  'REFUND_EXCEEDS_SPEND',
  /** A commission period cannot close before its last day is over in each of its stores. */
  'PERIOD_NOT_ENDED',
  /** A closed commission period's figures, targets and duty are fixed: adjust them in an open period instead. */
  'PERIOD_CLOSED',
  /** An approved franchise statement's figures are fixed: it is not approved again, changed or deleted; corrections go in a later statement. */
  'STATEMENT_APPROVED',
  'INTERNAL',
  /** This HQ process cannot take requests now (its database is unreachable or lacks migrations); another may. */
  'NOT_READY',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;
