/** Whether every value a change would set is already there (absent ones change nothing), so nothing is written or audited. */
export const unchanged = (before: object, set: object): boolean =>
  Object.entries(set).every(([key, value]) => value === undefined || (before as Record<string, unknown>)[key] === value);
