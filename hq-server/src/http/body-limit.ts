import { PUSH_MAX_DOCUMENTS } from '@pos/shared';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_IMPORT_ROWS } from '../pricing/price-import.rows';
import { AppError } from './errors';

const KiB = 1024;
const MiB = 1024 * KiB;

/** Room for one sale document of a few dozen lines with its pricing; a push of the most documents gets this many times over. */
const PUSH_BYTES_PER_DOCUMENT = 16 * KiB;

/**
 * The largest body each route takes. A push is sized by its document count; a price import
 * by its most rows (`MAX_IMPORT_ROWS`, at up to 400 bytes a row); a bulk import (`/imports/…`)
 * by 200,000 product rows of up to about 300 bytes each, as CSV or .xlsx: 64 MB. Every other
 * body is a form or a small JSON document.
 */
export const bodyLimits = {
  push: PUSH_MAX_DOCUMENTS * PUSH_BYTES_PER_DOCUMENT,
  priceImport: MAX_IMPORT_ROWS * 400,
  imports: 64 * MiB,
  other: 256 * KiB,
} as const;

const limitByPath: Record<string, number> = {
  '/sync/push': bodyLimits.push,
  '/pricing/prices/import': bodyLimits.priceImport,
};

const limitOf = (path: string): number => limitByPath[path] ?? (path.startsWith('/imports/') ? bodyLimits.imports : bodyLimits.other);

function tooLarge(maxBytes: number) {
  return (): never => {
    throw new AppError('PAYLOAD_TOO_LARGE', `the request body is larger than the ${maxBytes} bytes this route takes`, { maxBytes });
  };
}

const limiters = new Map<number, MiddlewareHandler>(
  [...new Set([...Object.values(bodyLimits)])].map((maxSize) => [maxSize, bodyLimit({ maxSize, onError: tooLarge(maxSize) })]),
);

/**
 * Refuses a body larger than its route takes with 413 before it is read whole: by its
 * Content-Length when it has one, else by counting the chunks as they arrive.
 */
export function limitBodies(): MiddlewareHandler {
  return (c: Context, next) => limiters.get(limitOf(c.req.path))!(c, next);
}
