import { z } from 'zod';

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1'];

/** Why an origin cannot be one the bridge takes connections from, or null when it can. */
function originProblem(url: URL): string | null {
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.includes(url.hostname)) return 'plain http:// is only for localhost or 127.0.0.1: use https://';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must start with https://';
  if (url.username !== '' || url.password !== '') return 'must not carry a user name or password';
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') return `an origin has no path, query or fragment: use ${url.origin}`;
  return null;
}

/**
 * The origin of the page that runs the till, as the browser sends it in the `Origin` header:
 * https:// (the till is served by HQ over TLS), or http:// on this PC alone. Normalised, so
 * `https://POS.example.com:443` is taken as `https://pos.example.com`.
 */
export const TillOrigin = z.string().transform((text, context) => {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    context.addIssue({ code: 'custom', message: `${text}: not a URL (expected e.g. https://pos.example.com)` });
    return z.NEVER;
  }
  const problem = originProblem(url);
  if (problem) {
    context.addIssue({ code: 'custom', message: `${text}: ${problem}` });
    return z.NEVER;
  }
  return url.origin;
});

export const TillOrigins = z.array(TillOrigin).min(1, 'give the till origin with --origin, e.g. --origin https://pos.example.com');

export type OriginsOutcome = { ok: true; origins: string[] } | { ok: false; problems: string[] };

/** The origins given at install, normalised and without repeats, or every reason they cannot be used. */
export function parseTillOrigins(texts: readonly string[]): OriginsOutcome {
  const parsed = TillOrigins.safeParse(texts);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => issue.message) };
  return { ok: true, origins: [...new Set(parsed.data)] };
}
