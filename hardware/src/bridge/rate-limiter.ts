/** Allows an action at most once per `minIntervalMs` and `maxPerMinute` times in any minute. */
export function createRateLimiter(limits: { minIntervalMs: number; maxPerMinute: number }, now: () => number = Date.now) {
  const recent: number[] = [];
  return {
    tryTake(): boolean {
      const t = now();
      while (recent.length > 0 && t - recent[0]! >= 60_000) recent.shift();
      const last = recent[recent.length - 1];
      if (last !== undefined && t - last < limits.minIntervalMs) return false;
      if (recent.length >= limits.maxPerMinute) return false;
      recent.push(t);
      return true;
    },
  };
}
