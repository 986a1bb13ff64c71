/**
 * Path prefixes of the HQ API. HQ serves the built till on the same origin, so these tell
 * API calls from the till's own pages: HQ gives the till's index.html for anything else,
 * `vite dev` proxies these, and the service worker never answers them from its cache.
 */
export const apiPathPrefixes = [
  '/auth', '/devices', '/sync', '/reports', '/stores', '/catalog', '/products', '/categories', '/brands', '/assortments', '/pricing', '/settings', '/promotions', '/vouchers', '/members', '/member-messages', '/users', '/clerks', '/roles', '/org', '/regions', '/franchisees', '/franchise-statements', '/suppliers', '/audit', '/health', '/ready', '/metrics', '/imports', '/exports', '/openapi.json', '/sales', '/till-events', '/till-monitor', '/returns', '/shifts', '/points', '/stored-value', '/commission', '/stock',
] as const;

export const apiPathPattern = new RegExp(`^(${apiPathPrefixes.map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})(\\/|\\?|$)`);

export function isApiPath(path: string): boolean {
  return apiPathPattern.test(path);
}
