import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  hq = await signInOffice(f, 'hq@demo.pos');
});
afterAll(() => database.close());

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; details?: { path: string }[] } }).error;

describe('text in query strings and paths', () => {
  it('refuses control characters in product, member and voucher searches with 400, not 500', async () => {
    for (const [path, field] of [['/catalog/products?q=%00', 'q'], ['/catalog/products?q=a%0Ab', 'q'], ['/members?q=%00', 'q'], ['/vouchers/SAVE%00', 'code']] as const) {
      const res = await f.app.request(path, bearer(hq));
      expect(res.status, path).toBe(400);
      expect(await errorOf(res), path).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: field }] });
    }
  });

  it('still searches ordinary text, Chinese included', async () => {
    const product = f.catalog[0]!;
    expect((await f.app.request(`/catalog/products?q=${encodeURIComponent(product.nameZh)}`, bearer(hq))).status).toBe(200);
    expect((await f.app.request('/vouchers/SAVE20', bearer(hq))).status).toBe(200);
  });
});

describe('report dates', () => {
  const report = (from: string, to: string) => f.app.request(`/reports/store-day?from=${from}&to=${to}`, bearer(hq));

  it('refuses days outside 2000–2100 and days that do not exist with 400, not 500', async () => {
    for (const [from, to] of <const>[['0000-01-01', '2026-01-01'], ['1999-12-31', '2026-01-01'], ['2026-01-01', '9999-12-31'], ['2026-02-29', '2026-03-01'], ['2026-04-31', '2026-05-01']]) {
      const res = await report(from, to);
      expect(res.status, `${from}..${to}`).toBe(400);
      expect((await errorOf(res)).code).toBe('VALIDATION_FAILED');
    }
  });

  it('answers for the whole span it takes', async () => {
    expect((await report('2000-01-01', '2100-12-31')).status).toBe(200);
  });
});

describe('text in JSON bodies', () => {
  it('refuses the NUL character with 400 before it reaches the database, and takes an escaped backslash before u0000', async () => {
    const levels = (await (await f.app.request('/pricing/member-levels', bearer(hq))).json()) as { id: string }[];
    const enrol = (name: string, cardNo: string) => f.app.request('/members', json({ cardNo, name, phone: null, levelId: levels[0]!.id, birthday: null }, hq));
    const nul = await enrol('王\u0000小明', '77770014');
    expect(nul.status).toBe(400);
    expect((await errorOf(nul)).code).toBe('VALIDATION_FAILED');
    expect((await enrol('back\\u0000slash', '77770022')).status).toBe(201);
  });
});
