import { members } from '@pos/hq-server/pricing/pricing.tables';
import { sales } from '@pos/hq-server/sales/sales.tables';
import { PushResponse, type PairedDevice } from '@pos/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededFixture, json, makeSale, pairTill, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let till: PairedDevice;
let hq: string;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  till = await pairTill(f, 'S001');
  hq = await signInOffice(f, 'hq@demo.pos');
});
afterAll(() => database.close());

const MiB = 1024 * 1024;

/** A body of `totalBytes` made on demand, counting what the server pulled of it. */
function lazyBody(totalBytes: number) {
  const chunk = new TextEncoder().encode(`{"documents":[${'"x",'.repeat(16_383)}`.slice(0, 64 * 1024));
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= totalBytes) return controller.close();
      counter.pulled += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

async function send(path: string, totalBytes: number, token: string, withLength: boolean) {
  const { stream, counter } = lazyBody(totalBytes);
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  if (withLength) headers['content-length'] = String(totalBytes);
  const started = performance.now();
  const res = await f.app.request(path, { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit);
  return { res, pulled: counter.pulled, ms: performance.now() - started };
}

const countOf = async (table: typeof sales | typeof members) => (await f.deps.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

describe('request body limits', () => {
  it('refuses a 100 MB push with 413 by its Content-Length, reading none of it', async () => {
    const before = await countOf(sales);
    const { res, pulled, ms } = await send('/sync/push', 100 * MiB, till.deviceToken, true);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(pulled).toBeLessThanOrEqual(64 * 1024);
    expect(ms).toBeLessThan(1000);
    expect(await countOf(sales)).toBe(before);
  });

  it('stops reading a chunked 100 MB push without Content-Length once it passes the limit', async () => {
    const { res, pulled } = await send('/sync/push', 100 * MiB, till.deviceToken, false);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(pulled).toBeLessThan(10 * MiB);
  });

  it('keeps other bodies small: a 1 MB member enrolment is refused before sign-in is even looked at', async () => {
    const before = await countOf(members);
    const { res, pulled } = await send('/members', MiB, hq, false);
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(MiB);
    expect(await countOf(members)).toBe(before);
  });

  it('lets a price import of its most rows through to its own checks', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `NO-SUCH-PRODUCT-${i},,retail,,12.90,2026-12-01T00:00:00+08:00`).join('\n');
    expect(rows.length).toBeGreaterThan(256 * 1024);
    const res = await f.app.request('/pricing/prices/import', {
      method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${hq}` }, body: `sku,store,kind,level,price,effective_from\n${rows}`,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
  });

  it('still takes a full push of 500 ordinary sales', async () => {
    const documents = Array.from({ length: 500 }, () => makeSale(f, till, '0012', { lines: 20 }));
    const res = await f.app.request('/sync/push', json({ documents }, till.deviceToken));
    expect(res.status).toBe(200);
    expect(PushResponse.parse(await res.json()).results.every((r) => r.status === 'accepted')).toBe(true);
  });
});
