import type { ErrorCode } from '@pos/shared';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

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
  CLERK_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
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

/** The single place thrown errors become responses: expected ones by their code, the rest as a bare 500. */
export function onError(error: Error, c: Context) {
  if (error instanceof AppError) return errorResponse(c, error);
  if (error instanceof HTTPException && error.status < 500) return errorResponse(c, new AppError('BAD_REQUEST', error.message || 'bad request'));
  // Drizzle wraps the driver's error and repeats the whole statement; the cause is what helps.
  console.error(`[hq] ${c.req.method} ${c.req.path} failed:`, error.cause instanceof Error ? error.cause : error);
  return errorResponse(c, new AppError('INTERNAL', 'something went wrong at HQ; the request can be retried'));
}
