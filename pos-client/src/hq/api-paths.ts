/**
 * The HQ API is served on the same origin as the built till, so the client calls relative
 * URLs. These prefixes are proxied by `vite dev` and kept out of the service worker's
 * navigation fallback.
 */
export const apiPathPrefixes = ['/health', '/devices', '/auth', '/sync'] as const;

export const apiPathPattern = new RegExp(`^(${apiPathPrefixes.map((p) => p.replace('/', '\\/')).join('|')})(\\/|\\?|$)`);
