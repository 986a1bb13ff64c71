import { z } from 'zod';
import { describe, expect, it, vi } from 'vitest';
import { createOfficeHttp } from './office-http';

const answer = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

describe('office HTTP client', () => {
  it('sends the session token and parses the answer with its schema', async () => {
    const fetch = answer(200, { n: 1 });
    const http = createOfficeHttp({ fetch, token: () => 'ofc.t' });
    expect(await http({ method: 'GET', path: '/x', schema: z.object({ n: z.number() }) })).toEqual({ ok: true, value: { n: 1 } });
    const init = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(init[1].headers).toMatchObject({ authorization: 'Bearer ofc.t' });
  });

  it('returns HQ’s error code as a value and reports a refused session', async () => {
    const onUnauthenticated = vi.fn();
    const http = createOfficeHttp({ fetch: answer(401, { error: { code: 'UNAUTHENTICATED', message: 'expired' } }), token: () => 'ofc.t', onUnauthenticated });
    const result = await http({ method: 'GET', path: '/x', schema: z.unknown() });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'http', status: 401, code: 'UNAUTHENTICATED' } });
    expect(onUnauthenticated).toHaveBeenCalledOnce();
  });

  it('reports a refusal (403), so the office reads the user’s permissions again, and nothing else as one', async () => {
    const onForbidden = vi.fn();
    const refused = createOfficeHttp({ fetch: answer(403, { error: { code: 'MODULE_FORBIDDEN', message: 'no' } }), token: () => 'ofc.t', onForbidden });
    expect(await refused({ method: 'GET', path: '/x', schema: z.unknown() })).toMatchObject({ ok: false, failure: { status: 403, code: 'MODULE_FORBIDDEN' } });
    expect(onForbidden).toHaveBeenCalledOnce();
    for (const status of [200, 400, 404, 429]) {
      await createOfficeHttp({ fetch: answer(status, status === 200 ? {} : { error: { code: 'X', message: 'x' } }), token: () => 'ofc.t', onForbidden })({ method: 'GET', path: '/x', schema: z.unknown() });
    }
    expect(onForbidden).toHaveBeenCalledOnce();
  });

  it('calls an answer that does not match the schema invalid, and a network error unreachable', async () => {
    const invalid = createOfficeHttp({ fetch: answer(200, { n: 'one' }), token: () => null });
    expect(await invalid({ method: 'GET', path: '/x', schema: z.object({ n: z.number() }) })).toEqual({ ok: false, failure: { kind: 'invalid-response', status: 200 } });
    const down = createOfficeHttp({ fetch: vi.fn(async () => Promise.reject(new TypeError('offline'))), token: () => null });
    expect(await down({ method: 'GET', path: '/x', schema: z.unknown() })).toEqual({ ok: false, failure: { kind: 'unreachable' } });
  });
});
