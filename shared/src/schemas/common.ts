import { z } from 'zod';

export const IsoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });
export const LocalDate = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY');
/** Whether the runtime knows a time zone by this name; an unknown one would throw when a store-local time is worked out. */
function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name the runtime knows, such as Asia/Shanghai. */
export const TimeZone = z.string().min(1).max(64).refine(isKnownTimeZone, 'must be an IANA time zone such as Asia/Shanghai');

const withoutControls = /^\P{Cc}*$/u;
const controlsMessage = 'must not hold control characters';

/**
 * Text a caller puts in a query string or a path, such as a code: at most `maxLength`
 * characters and no control characters (`%00` and the like), which no look-up needs and
 * PostgreSQL cannot take in a text parameter.
 */
export const QueryText = (maxLength: number) => z.string().max(maxLength).regex(withoutControls, controlsMessage);

/** Search text from a query string: as `QueryText`, trimmed. */
export const SearchText = (maxLength: number) => z.string().trim().max(maxLength).regex(withoutControls, controlsMessage);
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
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;
