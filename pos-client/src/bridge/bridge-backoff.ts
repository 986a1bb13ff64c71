/** Delay before reconnect attempt `attempt` (0-based): doubling from 500 ms to 30 s, with jitter so tills do not reconnect in step. */
export function backoffDelay(attempt: number, random: () => number, baseMs = 500, maxMs = 30_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling * (0.5 + random() / 2));
}
