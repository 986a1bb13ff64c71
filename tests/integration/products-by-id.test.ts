import { Product } from '@pos/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bearer, createSeededFixture, pairTill, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  hq = await signInOffice(f, 'hq@demo.pos');
});
afterAll(() => database.close());

const byId = (ids: string[], token = hq) => f.app.request(`/products?ids=${ids.join(',')}`, bearer(token));
const problemPaths = async (res: Response) => ((await res.json()) as { error: { details: { path: string }[] } }).error.details.map((d) => d.path);

describe('GET /products?ids=', () => {
  it('names the products asked for, by SKU, leaving out ids the chain does not have', async () => {
    const [a, b, c] = f.catalog;
    const res = await byId([c!.id, '0195505c-0000-7000-8000-00000000dead', a!.id, b!.id]);
    expect(res.status).toBe(200);
    const list = z.array(Product).parse(await res.json());
    expect(list.map((p) => p.id)).toEqual([a!.id, b!.id, c!.id]);
    expect(list[0]).toMatchObject({ nameZh: a!.nameZh, nameEn: a!.nameEn });
  });

  it('answers a franchisee too, as product search does', async () => {
    const res = await byId([f.catalog[0]!.id], await signInOffice(f, 'east@demo.pos'));
    expect(z.array(Product).parse(await res.json())).toHaveLength(1);
  });

  it('takes 1 to 200 ids and names a bad one by its place', async () => {
    const ids = f.catalog.slice(0, 200).map((p) => p.id);
    expect(z.array(Product).parse(await (await byId(ids)).json())).toHaveLength(200);
    const tooMany = await byId([...ids, f.catalog[200]!.id]);
    expect(tooMany.status).toBe(400);
    expect(await problemPaths(tooMany)).toEqual(['ids']);
    expect(await problemPaths(await byId([ids[0]!, 'S001']))).toEqual(['ids.1']);
    expect(await problemPaths(await f.app.request('/products', bearer(hq)))).toEqual(['ids']);
    expect(await problemPaths(await f.app.request('/products?ids=', bearer(hq)))).toEqual(['ids']);
  });

  it('is for office users: a till gets 403, no token 401', async () => {
    const till = await pairTill(f, 'S001');
    expect((await byId([f.catalog[0]!.id], till.deviceToken)).status).toBe(403);
    expect((await f.app.request(`/products?ids=${f.catalog[0]!.id}`)).status).toBe(401);
  });

  it('is described in the OpenAPI document with its ids parameter', async () => {
    const doc = (await (await f.app.request('/openapi.json')).json()) as { paths: Record<string, { get?: { parameters?: { name: string; in: string }[] } }> };
    expect(doc.paths['/products']?.get?.parameters).toEqual([expect.objectContaining({ name: 'ids', in: 'query' })]);
  });
});
