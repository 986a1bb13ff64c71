import { assortmentItems, storeAssortments } from '@pos/hq-server/catalog/catalog.tables';
import { chainSettings } from '@pos/hq-server/org/org.tables';
import { demoWeighedProducts } from '@pos/hq-server/seed/demo-catalog';
import { demoPricingSettings } from '@pos/hq-server/seed/demo-org';
import { Assortment, defaultPricingSettings, defaultReturnPolicy, PricingSettings } from '@pos/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;
let east: string;
let west: string;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  hq = await signInOffice(f, 'hq@demo.pos');
  east = await signInOffice(f, 'east@demo.pos');
  west = await signInOffice(f, 'west@demo.pos');
});
afterAll(() => database.close());

const put = (path: string, body: unknown, token = hq) => f.app.request(path, { ...json(body, token), method: 'PUT' });
const remove = (path: string, token = hq) => f.app.request(path, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
const problemPaths = async (res: Response) => ((await res.json()) as { error: { details: { path: string }[] } }).error.details.map((d) => d.path);
const settingsRows = () => f.deps.db.select().from(chainSettings).where(eq(chainSettings.chainId, f.chainId));
const assortmentRows = async () => ({
  stores: await f.deps.db.select().from(storeAssortments).where(eq(storeAssortments.chainId, f.chainId)).orderBy(storeAssortments.storeId),
  items: await f.deps.db.select().from(assortmentItems).where(eq(assortmentItems.chainId, f.chainId)).orderBy(assortmentItems.storeId, assortmentItems.productId),
});

describe('pricing settings', () => {
  it('shows the chain’s settings to any office user, and lets only HQ replace them', async () => {
    const res = await f.app.request('/settings/pricing', bearer(east));
    expect(res.status).toBe(200);
    expect(PricingSettings.parse(await res.json())).toEqual(demoPricingSettings);
    const rounding = { cashRounding: { unitMinor: 10, mode: 'down' }, scaleLayouts: demoPricingSettings.scaleLayouts };
    expect((await put('/settings/pricing', rounding, east)).status).toBe(403);
    const saved = await put('/settings/pricing', rounding);
    expect(saved.status).toBe(200);
    // The settings are replaced whole: a body without a return policy sets the default one.
    expect(await saved.json()).toEqual({ ...rounding, returns: defaultReturnPolicy });
    expect(await (await f.app.request('/settings/pricing', bearer(hq))).json()).toEqual({ ...rounding, returns: defaultReturnPolicy });
    const strict = { ...rounding, returns: { clawBackPromotions: true, managerPinAboveMinor: 50_000, vouchersAsCash: true } };
    expect(await (await put('/settings/pricing', strict)).json()).toEqual(strict);
  });

  it('refuses bad settings with the path of each problem and changes nothing', async () => {
    const before = await settingsRows();
    const [weight, price] = demoPricingSettings.scaleLayouts;
    const cases: [unknown, string[]][] = [
      [{ ...demoPricingSettings, scaleLayouts: [price, { ...price, id: 'again' }] }, ['scaleLayouts.1.pattern']],
      [{ ...demoPricingSettings, scaleLayouts: [price, weight] }, ['scaleLayouts.1.pattern']],
      [{ ...demoPricingSettings, scaleLayouts: [weight, { ...price, id: weight!.id }] }, ['scaleLayouts.1.id']],
      [{ ...demoPricingSettings, scaleLayouts: [{ ...price, pattern: '2FPPPPPVVVVV9' }] }, ['scaleLayouts.0.pattern']],
      [{ cashRounding: { unitMinor: 5, mode: 'up' }, scaleLayouts: [] }, ['cashRounding.unitMinor', 'cashRounding.mode']],
    ];
    for (const [body, paths] of cases) {
      const res = await put('/settings/pricing', body);
      expect(res.status).toBe(400);
      expect(await problemPaths(res)).toEqual(paths);
    }
    expect(await settingsRows()).toEqual(before);
  });

  it('treats a chain without its settings row as the defaults, and writes the row on the first change', async () => {
    await f.deps.db.delete(chainSettings).where(eq(chainSettings.chainId, f.chainId));
    expect(await (await f.app.request('/settings/pricing', bearer(hq))).json()).toEqual(defaultPricingSettings);
    expect((await put('/settings/pricing', demoPricingSettings)).status).toBe(200);
    expect(await settingsRows()).toHaveLength(1);
    expect(await (await f.app.request('/settings/pricing', bearer(west))).json()).toEqual(demoPricingSettings);
  });
});

describe('store assortments', () => {
  const path = (storeCode: string) => `/assortments/${f.storeIds[storeCode]}`;
  const get = async (storeCode: string, token = hq) => Assortment.parse(await (await f.app.request(path(storeCode), bearer(token))).json());

  it('shows a franchisee their own store’s assortment, and answers 404 for another’s', async () => {
    const small = await get('S007', west);
    expect(small.mode).toBe('all_except');
    expect(small.productIds).toHaveLength(demoWeighedProducts.length);
    expect((await f.app.request(path('S007'), bearer(east))).status).toBe(404);
    expect((await f.app.request(path('S001'), bearer(await signInOffice(f, 's001@demo.pos')))).status).toBe(200);
    expect((await f.app.request(path('S002'), bearer(await signInOffice(f, 's001@demo.pos')))).status).toBe(404);
  });

  it('answers a store with no assortment as carrying everything: all except none', async () => {
    expect(await get('S001')).toEqual({ storeId: f.storeIds.S001, mode: 'all_except', productIds: [] });
  });

  it('replaces a store’s assortment, keeping products taken off the list as inactive', async () => {
    const [a, b, c] = f.catalog.map((p) => p.id).sort();
    const first = await put(path('S002'), { mode: 'listed', productIds: [b, a] });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ storeId: f.storeIds.S002, mode: 'listed', productIds: [a, b] });
    expect(await (await put(path('S002'), { mode: 'all_except', productIds: [c, b] })).json()).toEqual({ storeId: f.storeIds.S002, mode: 'all_except', productIds: [b, c] });
    const items = (await assortmentRows()).items.filter((i) => i.storeId === f.storeIds.S002);
    expect(items.map((i) => [i.productId, i.active])).toEqual([[a, false], [b, true], [c, true]]);
  });

  it('lets a store carry the whole catalog again, telling tills by marking every item inactive', async () => {
    const cleared = await remove(path('S002'));
    expect(cleared.status).toBe(200);
    expect(await cleared.json()).toEqual({ storeId: f.storeIds.S002, mode: 'all_except', productIds: [] });
    const { stores, items } = await assortmentRows();
    expect(stores.find((s) => s.storeId === f.storeIds.S002)?.mode).toBe('all_except');
    expect(items.filter((i) => i.storeId === f.storeIds.S002 && i.active)).toEqual([]);
  });

  it('refuses unknown products, repeats and bad ids, naming each, and changes nothing', async () => {
    const before = await assortmentRows();
    const known = f.catalog[0]!.id;
    const unknown = ['0195505c-0000-7000-8000-00000000dead', '0195505c-0000-7000-8000-00000000beef'];
    const unknownRes = await put(path('S003'), { mode: 'listed', productIds: [known, unknown[0], known.replace(/.$/, 'x'), unknown[1]] });
    expect(unknownRes.status).toBe(400);
    expect(await problemPaths(unknownRes)).toEqual(['productIds.2']);
    const missing = await put(path('S003'), { mode: 'listed', productIds: [known, unknown[0], unknown[1]] });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'productIds.1', message: `no such product ${unknown[0]}` }, { path: 'productIds.2', message: `no such product ${unknown[1]}` }] } });
    const repeated = await put(path('S003'), { mode: 'listed', productIds: [known, known] });
    expect(await problemPaths(repeated)).toEqual(['productIds.1']);
    expect(await problemPaths(await put(path('S003'), { mode: 'some', productIds: [] }))).toEqual(['mode']);
    expect(await problemPaths(await put('/assortments/S003', { mode: 'listed', productIds: [] }))).toEqual(['storeId']);
    expect(await assortmentRows()).toEqual(before);
  });

  it('lets only HQ write, and answers 404 for a store HQ does not have', async () => {
    const before = await assortmentRows();
    expect((await put(path('S007'), { mode: 'listed', productIds: [] }, west)).status).toBe(403);
    expect((await remove(path('S007'), west)).status).toBe(403);
    expect((await put('/assortments/0195505c-0000-7000-8000-0000000000ff', { mode: 'listed', productIds: [] })).status).toBe(404);
    expect((await f.app.request(path('S007'), { ...json({ mode: 'listed', productIds: [] }), method: 'PUT' })).status).toBe(401);
    expect(await assortmentRows()).toEqual(before);
  });
});
