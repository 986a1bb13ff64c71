import { PricedBasketBody, priceBasket } from '@pos/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basket, context, rule } from '../../shared/src/promotions/testing/promotion-fixtures';
import { pricingCases } from '../golden/pricing-cases';
import { createSeededFixture, json, signInOffice, type Fixture } from '../support/fixture';
import { createPromotion, every, ruleOf } from '../support/pricing-setup';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  hq = await signInOffice(f, 'hq@demo.pos');
});
afterAll(() => database.close());

async function preview(body: unknown, token = hq) {
  const res = await f.app.request('/pricing/preview', json(body, token));
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('POST /pricing/preview runs the golden cases', () => {
  it.each(pricingCases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const draftRules = c.rules.map((r) => rule(r.kind, r.id, r.args, r.common));
    const input = { basket: basket(c.lines), context: context(c.context) };
    const { status, body } = await preview({ ...input, draftRules, savedRules: 'exclude' });
    expect(status).toBe(200);
    const priced = PricedBasketBody.parse(body);
    expect(priced).toEqual(JSON.parse(JSON.stringify(priceBasket(input.basket, input.context, draftRules))));
    const { expected } = c;
    expect(priced.totalMinor).toBe(expected.totalMinor);
    if (expected.payableMinor !== undefined) expect(priced.payableMinor).toBe(expected.payableMinor);
    if (expected.lineNets) expect(priced.lines.map((l) => l.netMinor)).toEqual(expected.lineNets);
    if (expected.ruleIds) expect(priced.adjustments.map((a) => a.ruleId)).toEqual(expected.ruleIds);
    if (expected.giftProductIds) expect(priced.gifts.map((g) => g.productId)).toEqual(expected.giftProductIds);
    if (expected.voucherStatuses) expect(priced.vouchers.map((v) => v.status)).toEqual(expected.voucherStatuses);
    if (expected.pointsMultipliersBp) expect(priced.lines.map((l) => l.pointsMultiplierBp)).toEqual(expected.pointsMultipliersBp);
  });
});

describe('POST /pricing/preview with saved rules', () => {
  it('applies saved active rules, lets a draft replace one by id, and names the rule behind each adjustment', async () => {
    const saved = ruleOf('spend_threshold_off', '满100减10', { scope: every, tiers: [{ minSpendMinor: 10_000, offMinor: 1000 }], repeat: false });
    await createPromotion(f, hq, saved);
    await createPromotion(f, hq, ruleOf('spend_threshold_off', 'paused', { scope: every, tiers: [{ minSpendMinor: 0, offMinor: 5000 }], repeat: false }), 'paused');
    const input = { basket: basket([{ lineId: 'l1', productId: 'tea', unitPriceMinor: 6000, quantity: 2 }]), context: context() };
    const withSaved = PricedBasketBody.parse((await preview(input)).body);
    expect(withSaved.totalMinor).toBe(11_000);
    expect(withSaved.adjustments).toEqual([expect.objectContaining({ ruleId: saved.id, ruleName: '满100减10', stage: 'ticket', amountMinor: 1000 })]);
    const draft = { ...saved, args: { ...saved.args, tiers: [{ minSpendMinor: 10_000, offMinor: 3000 }] } };
    expect(PricedBasketBody.parse((await preview({ ...input, draftRules: [draft] })).body).totalMinor).toBe(9000);
  });

  it('refuses a malformed draft rule with the path of each problem', async () => {
    const bad = { ...rule('item_discount', 'r', { productIds: ['tea'], offer: { type: 'percent_off', percentBp: 1000 }, unitLimit: null }), args: { productIds: [], offer: { type: 'percent_off', percentBp: 20_000 }, unitLimit: null } };
    const { status, body } = await preview({ basket: basket([{ lineId: 'l1', productId: 'tea', unitPriceMinor: 100 }]), context: context(), draftRules: [bad] });
    expect(status).toBe(400);
    const paths = (body as { error: { details: { path: string }[] } }).error.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['draftRules.0.args.productIds', 'draftRules.0.args.offer.percentBp']));
  });

  it('refuses a time zone the runtime does not know with 400 naming the field', async () => {
    const { status, body } = await preview({ basket: basket([{ lineId: 'l1', productId: 'tea', unitPriceMinor: 100 }]), context: { ...context(), timeZone: 'Mars/Olympus_Mons' } });
    expect(status).toBe(400);
    expect((body as { error: { details: { path: string; message: string }[] } }).error.details).toEqual([{ path: 'context.timeZone', message: expect.stringContaining('time zone') }]);
  });

  it('is for signed-in office users only', async () => {
    expect((await f.app.request('/pricing/preview', json({}))).status).toBe(401);
  });
});
