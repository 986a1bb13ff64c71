import { describe, expect, it, vi } from 'vitest';
import { createOfficeHttp } from '../office-core/office-http';
import { HqError } from '../office-core/hq-query';
import { outputRefusal, printStoreDay } from './store-day-outputs';

const refusal = (status: number, code: string, details?: unknown) => new HqError({ kind: 'http', status, code, message: code, details });

describe('store-day prints and exports', () => {
  it('names the day’s limit with its count, a role without the output, and nothing else', () => {
    expect(outputRefusal(refusal(429, 'OUTPUT_LIMIT_REACHED', { report: 'store_day', perDay: 20 }))).toEqual({ kind: 'limit', perDay: 20 });
    expect(outputRefusal(refusal(403, 'MODULE_FORBIDDEN', { report: 'store_day', format: 'print' }))).toEqual({ kind: 'forbidden' });
    expect(outputRefusal(refusal(400, 'VALIDATION_FAILED'))).toBeNull();
    expect(outputRefusal(new Error('boom'))).toBeNull();
  });

  it('asks HQ to count a print of the range before printing it', async () => {
    const report = { from: '2026-11-01', to: '2026-11-02', rows: [], totals: { salesMinor: 0, tickets: 0, items: 0, averageBasketMinor: 0 } };
    const fetch = vi.fn(async () => new Response(JSON.stringify({ report, remaining: 4 }), { status: 200 }));
    const printed = await printStoreDay(createOfficeHttp({ fetch, token: () => 't' }), { from: '2026-11-01', to: '2026-11-02' });
    expect(printed).toEqual({ report, remaining: 4 });
    const [path, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect([path, init.method, JSON.parse(String(init.body))]).toEqual(['/reports/store-day/print', 'POST', { from: '2026-11-01', to: '2026-11-02' }]);
  });
});
