/** Compares two `major.minor.patch` versions part by part: negative when `a` is older, 0 when equal, positive when newer. */
export function compareAppVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Whether HQ refuses a till of `version` when the chain takes `minimum` and newer; no minimum refuses none. */
export function isVersionRefused(version: string, minimum: string | null): boolean {
  return minimum !== null && compareAppVersions(version, minimum) < 0;
}
