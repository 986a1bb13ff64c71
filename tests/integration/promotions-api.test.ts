import { Promotion, PromotionList, PullResponse } from '@pos/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, pairTill, signInOffice, testClock, type Fixture } from '../support/fixture';
import { createMemberLevel, createPromotion, every, newUuid, ruleOf } from '../support/pricing-setup';
import type { TestDatabase } from '../support/test-db';
import { pullEverything } from '../support/till-pricing';

let database: TestDatabase;
let f: Fixture;
let hq: string;
let east: string;
const clock = testClock('2026-11-22T04:00:00Z');

beforeAll(async () => {
  ({ database, f } = await createSeededFixture(clock));
  hq = await signInOffice(f, 'hq@demo.pos');
  east = await signInOffice(f, 'east@demo.pos');
});
afterAll(() => database.close());

const tenOff = (name: string, common = {}) => ruleOf('spend_threshold_off', name, { scope: every, tiers: [{ minSpendMinor: 10_000, offMinor: 1000 }], repeat: false }, common);
const send = (method: string, body: unknown, token = hq, path = '/promotions') => f.app.request(path, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
/** A replacement, sent to the path of the rule's own id. */
const replace = <B extends { rule: { id: string } }>(body: B, token = hq) => send('PUT', body, token, `/promotions/${body.rule.id}`);
const archive = (id: string, token = hq) => f.app.request(`/promotions/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; details: { path: string; message: string }[] } }).error;

describe('promotions CRUD', () => {
  it('creates, refuses the same id twice, replaces and archives', async () => {
    const rule = tenOff('满100减10');
    const created = await send('POST', { status: 'draft', rule });
    expect(created.status).toBe(201);
    expect(Promotion.parse(await created.json())).toMatchObject({ id: rule.id, status: 'draft' });
    expect((await send('POST', { rule })).status).toBe(409);
    const replaced = await replace({ status: 'active', rule: { ...rule, name: '满100减10 (new)' } });
    expect(Promotion.parse(await replaced.json())).toMatchObject({ status: 'active', rule: { name: '满100减10 (new)' } });
    expect((await replace({ rule: tenOff('unknown') })).status).toBe(404);
    const one = await f.app.request(`/promotions/${rule.id}`, bearer(east));
    expect(Promotion.parse(await one.json()).rule.name).toBe('满100减10 (new)');
    const archived = await archive(rule.id);
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

  it('refuses a name with control characters or broken Unicode, which no sale could carry to HQ', async () => {
    for (const name of ['Ten off\n', 'Ten\u0000off', 'Ten off \ud800']) {
      const res = await send('POST', { rule: tenOff(name) });
      expect(res.status).toBe(400);
      expect((await errorOf(res)).details).toEqual([expect.objectContaining({ path: 'rule.name' })]);
    }
  });

  it('lets only HQ write, and a franchisee read', async () => {
    expect((await send('POST', { rule: tenOff('sneaky') }, east)).status).toBe(403);
    expect((await replace({ rule: tenOff('sneaky') }, east)).status).toBe(403);
    expect((await archive(newUuid(), east)).status).toBe(403);
    expect((await f.app.request('/promotions', bearer(east))).status).toBe(200);
    expect((await f.app.request('/promotions')).status).toBe(401);
  });
});

describe('promotions that do not hold together', () => {
  const pathsOf = async (res: Response) => (await errorOf(res)).details.map((d) => d.path);

  it('refuses an end before the start, an empty or unreal period and an empty hour window, naming each field', async () => {
    for (const [common, path] of [
      [{ validFrom: '2026-12-10', validTo: '2026-12-01' }, 'rule.validTo'],
      [{ validFrom: '2026-12-01T10:00', validTo: '2026-12-01T10:00' }, 'rule.validTo'],
      [{ validFrom: '2026-02-30', validTo: null }, 'rule.validFrom'],
      [{ hours: [{ from: '10:00', to: '10:00' }] }, 'rule.hours.0.to'],
    ] as const) {
      const res = await send('POST', { rule: tenOff('bad', common) });
      expect(res.status, path).toBe(400);
      expect(await pathsOf(res), path).toEqual([path]);
    }
    const happy = ruleOf('happy_hour', 'never', { scope: every, offer: { type: 'percent_off', percentBp: 1000 }, windows: [{ from: '18:00', to: '18:00' }], unitLimit: null });
    expect(await pathsOf(await send('POST', { rule: happy }))).toEqual(['rule.args.windows.0.to']);
    expect((await send('POST', { rule: tenOff('one day', { validFrom: '2026-12-01', validTo: '2026-12-01' }) })).status).toBe(201);
    expect((await send('POST', { rule: tenOff('night', { hours: [{ from: '22:00', to: '02:00' }] }) })).status).toBe(201);
  });

  it('refuses tiers whose thresholds or rewards do not rise', async () => {
    const off = ruleOf('spend_threshold_off', 'tiers', { scope: every, repeat: false, tiers: [{ minSpendMinor: 10_000, offMinor: 1000 }, { minSpendMinor: 10_000, offMinor: 2000 }, { minSpendMinor: 20_000, offMinor: 1500 }] });
    expect(await pathsOf(await send('POST', { rule: off }))).toEqual(['rule.args.tiers.1.minSpendMinor', 'rule.args.tiers.2.offMinor']);
    const pct = ruleOf('spend_threshold_percent', 'tiers', { scope: every, tiers: [{ minSpendMinor: 30_000, percentBp: 1200 }, { minSpendMinor: 10_000, percentBp: 500 }] });
    expect(await pathsOf(await send('POST', { rule: pct }))).toEqual(['rule.args.tiers.1.minSpendMinor', 'rule.args.tiers.1.percentBp']);
    const rising = ruleOf('spend_threshold_percent', 'tiers', { scope: every, tiers: [{ minSpendMinor: 10_000, percentBp: 500 }, { minSpendMinor: 30_000, percentBp: 1200 }] });
    expect((await send('POST', { rule: rising })).status).toBe(201);
  });

  it('refuses products, categories and gift items the chain does not have, on create and on replace', async () => {
    const ghost = '0195505c-0000-7000-8000-00000000beef';
    const product = f.catalog[0]!.id;
    const item = ruleOf('item_discount', 'ghost', { productIds: [product, ghost, 'tea'], offer: { type: 'percent_off', percentBp: 1000 }, unitLimit: null });
    expect(await pathsOf(await send('POST', { rule: item }))).toEqual(['rule.args.productIds.1', 'rule.args.productIds.2']);
    const category = ruleOf('category_discount', 'ghost', { categoryIds: [ghost], offer: { type: 'percent_off', percentBp: 1000 }, unitLimit: null });
    expect(await pathsOf(await send('POST', { rule: category }))).toEqual(['rule.args.categoryIds.0']);
    const giftArgs = { scope: { ...every, productIds: [ghost], categoryIds: [ghost] }, minSpendMinor: 10_000, gift: { productId: ghost, quantity: 1, valueMinor: 500 } };
    const gift = ruleOf('spend_gift', 'ghost', giftArgs);
    expect(await pathsOf(await send('POST', { rule: gift }))).toEqual(['rule.args.scope.productIds.0', 'rule.args.scope.categoryIds.0', 'rule.args.gift.productId']);
    const good = { ...gift, args: { ...giftArgs, scope: every, gift: { ...giftArgs.gift, productId: product } } };
    expect((await send('POST', { rule: good })).status).toBe(201);
    expect(await pathsOf(await replace({ rule: gift }))).toEqual(['rule.args.scope.productIds.0', 'rule.args.scope.categoryIds.0', 'rule.args.gift.productId']);
  });
});

describe('promotions by the id in the path', () => {
  const unknown = '0195505c-0000-7000-8000-0000000000aa';
  const read = async (id: string) => Promotion.parse(await (await f.app.request(`/promotions/${id}`, bearer(hq))).json());

  it('answers 404 for an unknown id and 400 naming `id` for one that is not a UUID', async () => {
    expect((await f.app.request(`/promotions/${unknown}`, bearer(hq))).status).toBe(404);
    expect((await archive(unknown)).status).toBe(404);
    const bad = await f.app.request('/promotions/not-a-uuid', bearer(hq));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'VALIDATION_FAILED', message: 'invalid request path', details: [{ path: 'id', message: 'must be a UUID' }] } });
    expect((await errorOf(await archive('not-a-uuid'))).details).toEqual([{ path: 'id', message: 'must be a UUID' }]);
    expect((await errorOf(await send('PUT', { rule: tenOff('x') }, hq, '/promotions/not-a-uuid'))).details).toEqual([{ path: 'id', message: 'must be a UUID' }]);
  });

  it('refuses a replacement whose `rule.id` is not the id in the path, and changes nothing', async () => {
    const saved = await createPromotion(f, hq, tenOff('kept'), 'draft');
    const other = await createPromotion(f, hq, tenOff('other'), 'draft');
    const res = await send('PUT', { status: 'active', rule: { ...saved.rule, name: 'moved' } }, hq, `/promotions/${other.id}`);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([expect.objectContaining({ path: 'rule.id' })]);
    expect(await read(saved.id)).toEqual(saved);
    expect(await read(other.id)).toEqual(other);
    expect((await errorOf(await send('PUT', { rule: tenOff('new') }, hq, `/promotions/${unknown}`))).details).toEqual([expect.objectContaining({ path: 'rule.id' })]);
    expect((await f.app.request(`/promotions/${unknown}`, bearer(hq))).status).toBe(404);
  });

  it('no longer serves the query-string paths, and they change nothing', async () => {
    const saved = await createPromotion(f, hq, tenOff('still here'), 'draft');
    const deleted = await f.app.request(`/promotions?id=${saved.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${hq}` } });
    expect(deleted.status).toBe(404);
    expect((await send('PUT', { status: 'active', rule: { ...saved.rule, name: 'renamed' } })).status).toBe(404);
    // `one` now stands where an id goes, and is not one.
    expect((await f.app.request(`/promotions/one?id=${saved.id}`, bearer(hq))).status).toBe(400);
    expect(await read(saved.id)).toEqual(saved);
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
    await replace({ status: 'paused', rule: promotion.rule });
    const { changes } = await pullEverything(f.app, till.deviceToken, undefined, cursor);
    PullResponse.parse({ changes, cursor: 0, hasMore: false, headSeq: 0 });
    expect(changes.map((c) => c.entity)).toEqual(['member_level', 'price', 'promotion']);
    expect(changes[1]!.data).toMatchObject({ productId: product, kind: 'member', memberLevelId: level.id, amountMinor: 100, storeId: null });
    expect(changes[2]!.data).toMatchObject({ id: promotion.id, status: 'paused' });
  });
});
