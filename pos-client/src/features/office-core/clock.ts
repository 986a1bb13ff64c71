/** The browser's clock, one stable function so hooks can take it as a dependency and tests can pass another. */
export const systemNow = (): Date => new Date();
