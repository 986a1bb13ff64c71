/**
 * The SQLSTATE behind an error, however deep: drizzle wraps the driver's error in its own
 * and keeps the driver's (with `code`) as `cause`.
 */
export function sqlStateOf(error: unknown): string | null {
  for (let e = error, depth = 0; typeof e === 'object' && e !== null && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

/** Classes 22 (data exception) and 23 (integrity violation): the rows written are at fault, not HQ. */
export const isDataError = (error: unknown): boolean => /^2[23]/.test(sqlStateOf(error) ?? '');

/** A deadlock or serialisation failure: the same work may well succeed when run again. */
export const isTransient = (error: unknown): boolean => ['40P01', '40001'].includes(sqlStateOf(error) ?? '');

/**
 * Runs `work`, running it again after a deadlock or serialisation failure, up to `attempts`
 * times in all, after a short back-off with jitter so that the two sides do not meet again.
 */
export async function retryTransient<T>(work: () => Promise<T>, attempts = 4, baseMs = 15): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, baseMs * 2 ** attempt * (0.5 + Math.random())));
    }
  }
}
