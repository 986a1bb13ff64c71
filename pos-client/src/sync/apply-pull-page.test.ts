import { describe, expect, it } from 'vitest';
import { defaultTillPermissions, defaultTillShortcuts, minor, type PullResponse } from '@pos/shared';
import { clerkWithPin, cola, colaPrice, colaPromotion, createTestDb, ids, looseNuts, pairedDevice, scaleSettings } from '../db/test-db.fixture';
import { loadPricingSettings } from '../features/sales/pricing-settings';
import { applyPullPage } from './apply-pull-page';
import { pullFraction } from './pull-changes';

const now = '2025-03-01T10:00:00.000Z';
const otherProduct = '0195505c-0000-7000-8000-0000000000a9';

function page(changes: PullResponse['changes'], cursor: number, hasMore = false, headSeq = cursor): PullResponse {
  return { changes, cursor, hasMore, headSeq };
}

describe('applyPullPage', () => {
  it('writes the changes and the cursor together', async () => {
    const db = createTestDb();
    const meta = await applyPullPage(
      db,
      page(
        [
          { seq: 1, entity: 'product', data: cola },
          { seq: 2, entity: 'barcode', data: { code: '6901234567892', productId: ids.cola, active: true } },
          { seq: 3, entity: 'price', data: colaPrice },
        ],
        3,
        true,
        10,
      ),
      now,
    );
    expect(meta).toMatchObject({ cursor: 3, headSeq: 10, lastPullAt: now, initialPullDoneAt: null });
    expect(await db.getSyncMeta()).toEqual(meta);
    expect(await db.products.get(ids.cola)).toEqual(cola);
    expect(await db.barcodes.get('6901234567892')).toMatchObject({ productId: ids.cola });
  });

  it('marks the initial pull done with the last page', async () => {
    const db = createTestDb();
    await applyPullPage(db, page([], 5, true, 9), now);
    expect((await applyPullPage(db, page([], 9), now)).initialPullDoneAt).toBe(now);
  });

  it('removes rows that became inactive, in seq order', async () => {
    const db = createTestDb();
    await applyPullPage(db, page([{ seq: 1, entity: 'product', data: cola }, { seq: 2, entity: 'price', data: colaPrice }], 2), now);
    await applyPullPage(
      db,
      page([{ seq: 4, entity: 'product', data: cola }, { seq: 3, entity: 'product', data: { ...cola, active: false } }, { seq: 5, entity: 'price', data: { ...colaPrice, active: false } }], 5),
      now,
    );
    expect(await db.products.get(ids.cola)).toEqual(cola);
    expect(await db.prices.count()).toBe(0);
  });

  it('keeps a barcode that moved to another product when its old row is retired afterwards', async () => {
    const db = createTestDb();
    const code = '6901234567892';
    await applyPullPage(
      db,
      page([{ seq: 1, entity: 'barcode', data: { code, productId: otherProduct, active: true } }, { seq: 2, entity: 'barcode', data: { code, productId: ids.cola, active: false } }], 2),
      now,
    );
    expect(await db.barcodes.get(code)).toMatchObject({ productId: otherProduct });
  });

  it('refreshes the paired store when HQ changes it', async () => {
    const db = createTestDb();
    await db.putMeta('pairing', pairedDevice);
    await applyPullPage(db, page([{ seq: 1, entity: 'store', data: { ...pairedDevice.store, nameEn: 'Renmin Rd.' } }], 1), now);
    expect((await db.getMeta('pairing'))?.store.nameEn).toBe('Renmin Rd.');
  });

  it('stores promotions whatever their status, member levels until retired, and member prices with their level', async () => {
    const db = createTestDb();
    const gold = { id: '0195505c-0000-7000-8000-0000000000f7', code: 'GOLD', nameZh: '金卡', nameEn: 'Gold', active: true };
    const memberPrice = { ...colaPrice, id: '0195505c-0000-7000-8000-0000000000a3', kind: 'member' as const, memberLevelId: gold.id };
    await applyPullPage(db, page([
      { seq: 1, entity: 'member_level', data: gold },
      { seq: 2, entity: 'promotion', data: colaPromotion },
      { seq: 3, entity: 'price', data: memberPrice },
      { seq: 4, entity: 'price', data: colaPrice },
    ], 4), now);
    expect(await db.memberLevels.get(gold.id)).toEqual(gold);
    expect(await db.prices.get(memberPrice.id)).toMatchObject({ memberLevelId: gold.id });
    expect(await db.prices.get(colaPrice.id)).toMatchObject({ memberLevelId: null });
    await applyPullPage(db, page([{ seq: 5, entity: 'promotion', data: { ...colaPromotion, status: 'paused' } }, { seq: 6, entity: 'member_level', data: { ...gold, active: false } }], 6), now);
    expect((await db.promotions.get(colaPromotion.id))?.status).toBe('paused');
    expect(await db.memberLevels.count()).toBe(0);
  });

  it('keeps the chain\'s pricing settings, replaced whole by each change', async () => {
    const db = createTestDb();
    await applyPullPage(db, page([{ seq: 1, entity: 'pricing_settings', data: scaleSettings }], 1), now);
    expect(await loadPricingSettings(db)).toEqual({ cashRounding: scaleSettings.cashRounding, scaleLayouts: scaleSettings.scaleLayouts, returns: scaleSettings.returns });
    const rounding = { unitMinor: 10, mode: 'down' } as const;
    const returns = { clawBackPromotions: true, managerPinAboveMinor: minor(20_000), vouchersAsCash: false };
    await applyPullPage(db, page([{ seq: 2, entity: 'pricing_settings', data: { ...scaleSettings, cashRounding: rounding, scaleLayouts: [], returns } }], 2), now);
    expect(await loadPricingSettings(db)).toEqual({ cashRounding: rounding, scaleLayouts: [], returns });
  });

  it('keeps the chain\'s shortcuts as the last map pulled', async () => {
    const db = createTestDb();
    const shortcuts = (complete: string) => ({ ...defaultTillShortcuts, complete });
    await applyPullPage(db, page([{ seq: 1, entity: 'till_shortcuts', data: { chainId: ids.chain, shortcuts: shortcuts('F12') } }], 1), now);
    expect(await db.getMeta('tillShortcuts')).toEqual(shortcuts('F12'));
    await applyPullPage(db, page([{ seq: 2, entity: 'till_shortcuts', data: { chainId: ids.chain, shortcuts: shortcuts('Alt+C') } }], 2), now);
    expect((await db.getMeta('tillShortcuts'))?.complete).toBe('Alt+C');
  });

  it('keeps the store\'s assortment and drops the items taken off it', async () => {
    const db = createTestDb();
    const item = (productId: string, active: boolean) => ({ storeId: ids.store, productId, active });
    await applyPullPage(db, page([
      { seq: 1, entity: 'store_assortment', data: { storeId: ids.store, mode: 'all_except' } },
      { seq: 2, entity: 'assortment_item', data: item(ids.cola, true) },
      { seq: 3, entity: 'assortment_item', data: item(looseNuts.id, true) },
    ], 3), now);
    await applyPullPage(db, page([
      { seq: 4, entity: 'store_assortment', data: { storeId: ids.store, mode: 'listed' } },
      { seq: 5, entity: 'assortment_item', data: item(ids.cola, false) },
    ], 5), now);
    expect(await db.storeAssortments.get(ids.store)).toEqual({ storeId: ids.store, mode: 'listed' });
    expect(await db.assortmentItems.toArray()).toEqual([item(looseNuts.id, true)]);
  });

  it("keeps the chain's till roles until retired, and clerks with their badge and role", async () => {
    const db = createTestDb();
    const roleId = '0195505c-0000-7000-8000-0000000000f1';
    const role = { id: roleId, code: 'CASHIER', nameZh: '收银员', nameEn: 'Cashier', permissions: defaultTillPermissions('cashier'), active: true };
    const clerk = { ...clerkWithPin({ algorithm: 'pbkdf2-sha256' as const, iterations: 1, salt: 's', hash: 'h' }), badgeCode: 'B-1001', permissionRoleId: roleId };
    await applyPullPage(db, page([{ seq: 1, entity: 'till_role', data: role }, { seq: 2, entity: 'clerk', data: clerk }], 2), now);
    expect(await db.tillRoles.get(roleId)).toEqual(role);
    expect(await db.clerks.where('badgeCode').equals('B-1001').first()).toMatchObject({ id: clerk.id, permissionRoleId: roleId });
    await applyPullPage(db, page([{ seq: 3, entity: 'till_role', data: { ...role, active: false } }], 3), now);
    expect(await db.tillRoles.count()).toBe(0);
  });

  it('leaves nothing behind when a page fails half-way', async () => {
    const db = createTestDb();
    const broken = page([{ seq: 1, entity: 'product', data: cola }, { seq: 2, entity: 'product', data: { ...cola, id: undefined as unknown as string } }], 2);
    await expect(applyPullPage(db, broken, now)).rejects.toThrow();
    expect(await db.products.count()).toBe(0);
    expect((await db.getSyncMeta()).cursor).toBe(0);
  });
});

describe('pullFraction', () => {
  it('measures progress from where this pull started', () => {
    expect(pullFraction(0, 250, 1000)).toBe(0.25);
    expect(pullFraction(500, 750, 1000)).toBe(0.5);
    expect(pullFraction(1000, 1000, 1000)).toBe(1);
  });
});
