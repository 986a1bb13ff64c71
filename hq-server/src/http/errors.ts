import type { ErrorCode } from '@pos/shared';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { isTransient, sqlStateOf } from '../db/sql-state';
import type { Deps } from './app-env';

/** An expected failure with a stable code; the one table below maps it to an HTTP status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  PAIRING_CODE_INVALID: 400,
  UNAUTHENTICATED: 401,
  PIN_INVALID: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  IMPORT_INVALID: 422,
  CLERK_LOCKED: 423,
  PRICE_OUTSIDE_BAND: 400,
  BARCODE_TAKEN: 409,
  IN_USE: 409,
  PRODUCT_SOLD: 409,
  MODULE_FORBIDDEN: 403,
  OUTPUT_LIMIT_REACHED: 429,
  RATE_LIMITED: 429,
  TILL_VERSION_REFUSED: 426,
  SYNC_PROTOCOL_UNSUPPORTED: 426,
  OVERLOADED: 503,
  CARD_LOST: 423,
  CARD_BLOCKED: 409,
  INSUFFICIENT_POINTS: 409,
  CARD_REPLACED: 409,
  CARD_CANCELLED: 409,
  CARD_NOT_ACTIVE: 409,
  ACCOUNT_BLOCKED: 409,
  INSUFFICIENT_BALANCE: 409,
  CHILD_LIMIT_EXCEEDED: 409,
  CARD_PIN_REQUIRED: 422,
  CARD_PIN_WRONG: 422,
  CARD_PIN_LOCKED: 423,
  PAYMENT_CAPTURED: 409,
  REFUND_EXCEEDS_SPEND: 409,
  PERIOD_NOT_ENDED: 409,
  PERIOD_CLOSED: 409,
  STATEMENT_APPROVED: 409,
  INTERNAL: 500,
  NOT_READY: 503,
};

export function errorResponse(c: Context, error: AppError) {
  const body = { error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } };
  return c.json(body, statusOf[error.code]);
}

export function validationError(error: ZodError, where: string): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    `invalid ${where}`,
    error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
}

/**
 * A database refusal that a route did not foresee, by SQLSTATE class: 23 (a unique or foreign key
 * the request runs into) and 22 (a value the database cannot hold) are the request's fault and
 * change nothing, since the statement failed. Neither statement nor values reach the client.
 */
function requestFaultOf(error: unknown): AppError | null {
  const sqlState = sqlStateOf(error) ?? '';
  if (sqlState.startsWith('23')) return new AppError('CONFLICT', 'the request conflicts with what HQ holds', { sqlState });
  if (sqlState.startsWith('22')) return new AppError('VALIDATION_FAILED', 'HQ cannot store a value of the request', { sqlState });
  return null;
}

/** The single place thrown errors become responses: expected ones by their code, the rest as a bare 500. */
export function onError(error: Error, c: Context) {
  if (error instanceof AppError) return errorResponse(c, error);
  if (error instanceof HTTPException && error.status < 500) return errorResponse(c, new AppError('BAD_REQUEST', error.message || 'bad request'));
  const fault = requestFaultOf(error);
  if (fault) return errorResponse(c, fault);
  // A deadlock or serialisation failure that outlasted the write's own retries: nothing was written, and a moment later it goes through.
  if (isTransient(error)) {
    c.header('retry-after', '1');
    return errorResponse(c, new AppError('OVERLOADED', 'HQ met other changes to the same records at once; nothing was written, try again in a moment'));
  }
  // Drizzle wraps the driver's error and repeats the whole statement; the cause is what helps.
  // With observability, the request's log line carries it (redacted).
  if (!(c.get('deps') as Deps | undefined)?.observability) console.error(`[hq] ${c.req.method} ${c.req.path} failed:`, error.cause instanceof Error ? error.cause : error);
  return errorResponse(c, new AppError('INTERNAL', 'something went wrong at HQ; the request can be retried'));
}
