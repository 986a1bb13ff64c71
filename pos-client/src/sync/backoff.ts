export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const syncBackoff: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

/**
 * The wait before retry number `attempt` (0 for the first retry): the exponential step,
 * capped, then "equal jitter" (half fixed, half random) so many tills coming back after an
 * outage do not all knock at HQ in the same second. `random` is a number in [0, 1).
 */
export function backoffDelay(attempt: number, random: number, policy: BackoffPolicy = syncBackoff): number {
  const exponent = Math.min(Math.max(attempt, 0), 30);
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.round(step / 2 + (step / 2) * random);
}
