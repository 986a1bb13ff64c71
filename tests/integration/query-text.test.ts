import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, seedFixture, signInOffice, type Fixture } from '../support/fixture';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;

beforeAll(async () => {
  database = await createTestDatabase();
  f = await seedFixture(database);
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
