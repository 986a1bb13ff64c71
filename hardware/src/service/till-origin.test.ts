import { describe, expect, it } from 'vitest';
import { parseTillOrigins } from './till-origin';

describe('parseTillOrigins', () => {
  it('takes https origins and plain http on this PC, as the browser sends them', () => {
    expect(parseTillOrigins(['https://POS.example.com:443/', 'http://localhost:8080', 'http://127.0.0.1:5173', 'https://pos.example.com'])).toEqual({
      ok: true,
      origins: ['https://pos.example.com', 'http://localhost:8080', 'http://127.0.0.1:5173'],
    });
  });

  it('refuses plain http to another machine, other schemes, paths and things that are not URLs, naming each', () => {
    const outcome = parseTillOrigins(['http://pos.example.com', 'ftp://pos.example.com', 'https://pos.example.com/till', 'pos.example.com', 'https://user:pw@pos.example.com']);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toEqual([
      'http://pos.example.com: plain http:// is only for localhost or 127.0.0.1: use https://',
      'ftp://pos.example.com: must start with https://',
      'https://pos.example.com/till: an origin has no path, query or fragment: use https://pos.example.com',
      'pos.example.com: not a URL (expected e.g. https://pos.example.com)',
      'https://user:pw@pos.example.com: must not carry a user name or password',
    ]);
  });

  it('asks for an origin when none is given', () => {
    expect(parseTillOrigins([])).toEqual({ ok: false, problems: ['give the till origin with --origin, e.g. --origin https://pos.example.com'] });
  });
});
