import { Promotion, PromotionList, PullResponse } from '@pos/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, json, pairTill, seedFixture, signInOffice, testClock, type Fixture } from '../support/fixture';
import { createMemberLevel, createPromotion, every, ruleOf } from '../support/pricing-setup';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { pullEverything } from '../support/till-pricing';

let database: TestDatabase;
let f: Fixture;
let hq: string;
let east: string;
const clock = testClock('2026-11-22T04:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  f = await seedFixture(database, clock);
  hq = await signInOffice(f, 'hq@demo.pos');
  east = await signInOffice(f, 'east@demo.pos');
});
afterAll(() => database.close());

const tenOff = (name: string, common = {}) => ruleOf('spend_threshold_off', name, { scope: every, tiers: [{ minSpendMinor: 10_000, offMinor: 1000 }], repeat: false }, common);
const send = (method: string, body: unknown, token = hq) => f.app.request('/promotions', { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; details: { path: string; message: string }[] } }).error;

describe('promotions CRUD', () => {
  it('creates, refuses the same id twice, replaces and archives', async () => {
    const rule = tenOff('满100减10');
    const created = await send('POST', { status: 'draft', rule });
    expect(created.status).toBe(201);
    expect(Promotion.parse(await created.json())).toMatchObject({ id: rule.id, status: 'draft' });
    expect((await send('POST', { rule })).status).toBe(409);
    const replaced = await send('PUT', { status: 'active', rule: { ...rule, name: '满100减10 (new)' } });
    expect(Promotion.parse(await replaced.json())).toMatchObject({ status: 'active', rule: { name: '满100减10 (new)' } });
    expect((await send('PUT', { rule: tenOff('unknown') })).status).toBe(404);
    const one = await f.app.request(`/promotions/one?id=${rule.id}`, bearer(east));
    expect(Promotion.parse(await one.json()).rule.name).toBe('满100减10 (new)');
    const archived = await f.app.request(`/promotions?id=${rule.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${hq}` } });
    expect(Promotion.parse(await archived.json()).status).toBe('archived');
  });

  it('maps every validation problem to its path', async () => {
    const rule = ruleOf('item_discount', '', { productIds: [], offer: { type: 'percent_off', percentBp: 0 }, unitLimit: null }, { combination: 'best_of' });
    const res = await send('POST', { status: 'active', rule: { ...rule, id: 'not-a-uuid', hours: [{ from: '25:00', to: '18:00' }] } });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d) => d.path)).toEqual(expect.arrayContaining(['rule.name', 'rule.args.productIds', 'rule.args.offer.percentBp', 'rule.hours.0.from']));
    const unknownKind = await send('POST', { rule: { ...rule, kind: 'free_money' } });
    expect((await errorOf(unknownKind)).details[0]!.path).toBe('rule.kind');
    const strangers = await send('POST', { rule: tenOff('x', { storeIds: [f.storeIds.S001, '0195505c-0000-7000-8000-00000000000f'], memberLevelIds: ['gold'] }) });
    expect((await errorOf(strangers)).details.map((d) => d.path)).toEqual(['rule.storeIds.1', 'rule.memberLevelIds.0']);
    const notUuid = await send('POST', { rule: { ...tenOff('x'), id: 'not-a-uuid' } });
    expect((await errorOf(notUuid)).details).toEqual([expect.objectContaining({ path: 'rule.id' })]);
  });

  it('lets only HQ write, and a franchisee read', async () => {
    expect((await send('POST', { rule: tenOff('sneaky') }, east)).status).toBe(403);
    expect((await send('PUT', { rule: tenOff('sneaky') }, east)).status).toBe(403);
    expect((await f.app.request('/promotions', bearer(east))).status).toBe(200);
    expect((await f.app.request('/promotions')).status).toBe(401);
  });
});

describe('promotion states', () => {
  it('lists running, scheduled and ended as of HQ’s clock on the chain’s wall clock', async () => {
    const running = await createPromotion(f, hq, tenOff('running', { validFrom: '2026-11-01', validTo: '2026-11-22' }));
    const scheduled = await createPromotion(f, hq, tenOff('scheduled', { validFrom: '2026-11-22T12:30' }));
    const ended = await createPromotion(f, hq, tenOff('ended', { validTo: '2026-11-21' }));
    const draft = await createPromotion(f, hq, tenOff('draft'), 'draft');
    const ids = async (state: string) => PromotionList.parse(await (await f.app.request(`/promotions?state=${state}`, bearer(hq))).json()).items.map((p) => p.id);
    expect(await ids('running')).toContain(running.id);
    expect(await ids('running')).not.toContain(scheduled.id);
    expect(await ids('scheduled')).toEqual([scheduled.id]);
    expect(await ids('ended')).toEqual([ended.id]);
    expect(await ids('draft')).toContain(draft.id);
    clock.set('2026-11-22T04:30:00Z');
    expect(await ids('running')).toEqual(expect.arrayContaining([running.id, scheduled.id]));
    clock.set('2026-11-22T16:00:00Z');
    hq = await signInOffice(f, 'hq@demo.pos');
    expect(await ids('ended')).toEqual(expect.arrayContaining([running.id, ended.id]));
    expect((await f.app.request('/promotions?state=sideways', bearer(hq))).status).toBe(400);
  });
});

describe('tills pull prices, member levels and promotions', () => {
  it('delivers new and changed rows after the cursor, and not another store’s prices', async () => {
    const till = await pairTill(f, 'S002');
    const { cursor } = await pullEverything(f.app, till.deviceToken);
    const level = await createMemberLevel(f, hq, 'VIP');
    const promotion = await createPromotion(f, hq, tenOff('pulled'));
    const product = f.catalog[3]!.id;
    await f.app.request('/pricing/prices', json({ productId: product, kind: 'member', memberLevelId: level.id, amountMinor: 100 }, hq));
    await f.app.request('/pricing/prices', json({ productId: product, storeId: f.storeIds.S003, amountMinor: 50 }, hq));
    await send('PUT', { status: 'paused', rule: promotion.rule });
    const { changes } = await pullEverything(f.app, till.deviceToken, undefined, cursor);
    PullResponse.parse({ changes, cursor: 0, hasMore: false, headSeq: 0 });
    expect(changes.map((c) => c.entity)).toEqual(['member_level', 'price', 'promotion']);
    expect(changes[1]!.data).toMatchObject({ productId: product, kind: 'member', memberLevelId: level.id, amountMinor: 100, storeId: null });
    expect(changes[2]!.data).toMatchObject({ id: promotion.id, status: 'paused' });
  });
});
