import { and, eq, sql } from 'drizzle-orm';
import { defaultTillShortcuts } from '@pos/shared';
import { assortmentItems, barcodes, brands, categories, prices, productCosts, products, storeAssortments } from '../catalog/catalog.tables';
import { hashPassword, hashPin } from '../auth/secrets';
import type { Deps } from '../http/app-env';
import { newId } from '../ids';
import { chainSettings, chains, clerks, franchisees, stores, tillDevices, users } from '../org/org.tables';
import { pricingSettingsColumns } from '../pricing/pricing-settings.service';
import { demoProducts, demoWeighedProducts, families } from './demo-catalog';
import { demoAttributeNames, demoAttributes, demoCosts, demoLifecycle } from './demo-catalog-extras';
import { seedDemoMembers } from './demo-members';
import { seedDemoMemberSales } from './demo-member-sales';
import { seedMembershipShowcase } from './demo-membership';
import { seedDemoOrganisation } from './demo-organisation';
import { seedDemoSuppliers } from './demo-suppliers';
import { seedDemoPeople } from './demo-people';
import { seedDemoCashReasons, seedDemoShifts } from './demo-shifts';
import {
  DEMO_CHAIN, DEMO_PASSWORD, DEMO_PIN, demoAssortmentStore, demoClerkNames, demoFranchisees, demoPricingSettings, demoStores, demoUsers, type FranchiseeKey,
} from './demo-org';
import { seedDemoCommission } from './demo-commission';
import { seedDemoStock } from './demo-stock';
import { seedDemoReceiving } from './demo-receiving';
import { seedDemoSettlement } from './demo-settlement';
import { seedDemoStoreStock } from './demo-store-stock';
import { seedDemoPoints } from './demo-points';
import { seedDemoReturns } from './demo-returns';
import { seedDemoPromotions } from './demo-promotions';
import { seedSalesHistory } from './demo-sales';
import { seedDemoStorePricing } from './demo-store-pricing';
import { seedDemoStoredValue } from './demo-stored-value';
import { seedDemoTillEvents } from './demo-till-events';
import { seedDemoTillMonitor } from './demo-till-monitor';
import { seedDemoMemberMessages, seedDemoReminders } from './demo-member-messages';
import { cachedPinyinKeys } from './seed-pinyin';
import { tillShortcuts } from '../till-shortcuts/till-shortcuts.tables';
import { demoEan13, seededRandom } from './random';

export interface SeedOptions {
  /** The size of the catalog, the few loose goods sold by weight included. */
  products: number;
  historyDays: number;
  /** Fewer PBKDF2 iterations make test fixtures fast; real chains keep the default. */
  pinIterations?: number;
  /** Told as each step is committed, for progress on the console. */
  onStep?: (step: SeedStep) => void | Promise<void>;
}

export type SeedStep = 'organisation and catalog' | 'members' | 'sales history';

export interface SeedSummary {
  chainId: string;
  products: number;
  members: number;
  sales: number;
}

async function insertChunked<T>(rows: T[], insert: (part: T[]) => Promise<unknown>, size = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Whether the demo chain is already there. */
export async function isSeeded({ db }: Deps): Promise<boolean> {
  return (await db.$count(chains, eq(chains.code, DEMO_CHAIN.code))) > 0;
}

/** The code the demo chain carries while it is being seeded. It becomes `DEMO` last, so a chain still carrying it is a seed that was stopped. */
export const SEEDING_CODE = `${DEMO_CHAIN.code}-SEEDING`;

/**
 * Creates the demo chain: its settings (the scales' label layouts), HQ, two franchisees, seven stores with two tills each,
 * clerks, catalog (loose goods with scale item codes among it), prices, one store's assortment, members and sales history.
 * The steps commit one by one (one transaction for all of it is several times slower on PGlite, as the roll-ups are
 * updated over and over); the chain takes its real code only after the last, so a half-made one never passes for the demo.
 */
export async function seedDemo(deps: Deps, options: SeedOptions): Promise<SeedSummary> {
  const summary = await seedDemoSteps(deps, options);
  await deps.db.update(chains).set({ code: DEMO_CHAIN.code }).where(eq(chains.id, summary.chainId));
  // The searches' GIN indexes take new rows into a pending list that a search reads row by row
  // until a vacuum folds it in: PostgreSQL's autovacuum does that later, PGlite has none.
  await deps.db.execute(sql`vacuum products, members`);
  await deps.db.execute(sql`analyze`);
  return summary;
}

async function seedDemoSteps(deps: Deps, options: SeedOptions): Promise<SeedSummary> {
  const { db, clock } = deps;
  const random = seededRandom(20261122);
  const id = () => newId(clock);
  const chainId = id();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const pinHashes = await Promise.all(demoClerkNames.map(() => hashPin(DEMO_PIN, options.pinIterations)));

  const franchiseeIds = Object.fromEntries(demoFranchisees.map((f) => [f.key, id()]));
  const storeRows = demoStores.map((s) => ({
    chainId, id: id(), code: s.code, nameZh: s.nameZh, nameEn: s.nameEn, operation: s.franchisee ? ('franchise' as const) : ('direct' as const),
    connectivity: s.franchisee ? ('batch' as const) : ('online' as const), franchiseeId: s.franchisee ? franchiseeIds[s.franchisee]! : null,
    timeZone: DEMO_CHAIN.timeZone, currency: DEMO_CHAIN.currency,
  }));
  const storeIdByCode = new Map(storeRows.map((s) => [s.code, s.id]));
  const clerkRows = demoClerkNames.map((name, i) => {
    const store = storeRows[i % storeRows.length]!;
    const pin = pinHashes[i]!;
    const perStore = Math.floor(i / storeRows.length);
    return {
      chainId, id: id(), storeId: store.id, code: `${store.code.slice(1)}${perStore + 1}`, name,
      role: perStore === 0 ? ('store_manager' as const) : perStore >= 3 ? ('sales_clerk' as const) : ('cashier' as const),
      pinSalt: pin.salt, pinHash: pin.hash, pinIterations: pin.iterations,
    };
  });
  const deviceRows = storeRows.flatMap((s, i) => [1, 2].map((n) => ({
    chainId, id: id(), storeId: s.id, code: `T${String(i * 2 + n).padStart(3, '0')}`, name: `${s.nameZh} ${n}号收银台 Till ${n}`,
  })));
  const catalog = demoProducts(random, options.products - demoWeighedProducts.length);
  const categoryRows = families.flatMap((family) => {
    const parent = { chainId, id: id(), parentId: null, code: family.code, nameZh: family.name.zh, nameEn: family.name.en };
    return [parent, ...family.kinds.map((kind, i) => ({ chainId, id: id(), parentId: parent.id, code: `${family.code}${i + 1}`, nameZh: kind.zh, nameEn: kind.en }))];
  });
  const categoryIdByCode = new Map(categoryRows.map((c) => [c.code, c.id]));
  const brandNames = [...new Map(families.flatMap((f) => f.brands).map((b) => [b.en, b])).values()];
  const brandRows = brandNames.map((b, i) => ({ chainId, id: id(), code: `B${String(i + 1).padStart(4, '0')}`, nameZh: b.zh, nameEn: b.en }));
  const brandIdByName = new Map(brandRows.map((b) => [b.nameEn, b.id]));
  const keysOf = cachedPinyinKeys();
  const productRows = catalog.map((p) => ({
    chainId, id: id(), sku: `SKU${String(p.index + 1).padStart(6, '0')}`, nameZh: p.nameZh, nameEn: p.nameEn,
    categoryId: categoryIdByCode.get(p.kindCode)!, brandId: brandIdByName.get(p.brand)!, unit: p.unit, weighed: false,
    ...keysOf(p.nameZh), ...demoAttributes(p.index, p.size), ...demoLifecycle(p.index, catalog.length, clock(), DEMO_CHAIN.timeZone), updatedAt: clock(),
  }));
  const looseRows = demoWeighedProducts.map((p, i) => ({
    chainId, id: id(), sku: `SKU${String(catalog.length + i + 1).padStart(6, '0')}`, nameZh: p.nameZh, nameEn: p.nameEn,
    categoryId: categoryIdByCode.get(p.kindCode)!, brandId: null, unit: 'kg' as const, weighed: true, scaleItemCode: p.scaleItemCode,
    ...keysOf(p.nameZh), updatedAt: clock(),
  }));
  const costRows = productRows.flatMap((p, i) => demoCosts(random, catalog[i]!.priceMinor, i, clock()).map((cost) => ({
    chainId, id: id(), productId: p.id, supplierId: null, ...cost, enteredBy: null, enteredAt: cost.effectiveFrom,
  })));
  const priceRows = [
    ...productRows.map((p, i) => ({ chainId, id: id(), productId: p.id, storeId: null, kind: 'retail' as const, amountMinor: catalog[i]!.priceMinor })),
    ...looseRows.map((p, i) => ({ chainId, id: id(), productId: p.id, storeId: null, kind: 'retail' as const, amountMinor: demoWeighedProducts[i]!.pricePerKgMinor })),
  ];
  // A store with no scale does not sell loose goods.
  const assortmentStoreId = storeIdByCode.get(demoAssortmentStore)!;
  const storeOverrides = productRows.filter((_, i) => i % 20 === 0).map((p, i) => ({
    chainId, id: id(), productId: p.id, storeId: storeRows[0]!.id, kind: 'retail' as const, amountMinor: Math.max(100, catalog[i * 20]!.priceMinor - 50),
  }));

  const userRows = demoUsers.map((u) => ({
    chainId, id: id(), email: u.email, name: u.name, role: u.role, passwordHash,
    franchiseeId: u.franchisee ? franchiseeIds[u.franchisee]! : null, storeId: u.store ? storeIdByCode.get(u.store)! : null,
  }));

  await db.transaction(async (tx) => {
    await tx.insert(chains).values({ id: chainId, code: SEEDING_CODE, name: DEMO_CHAIN.name, currency: DEMO_CHAIN.currency, timeZone: DEMO_CHAIN.timeZone, createdAt: clock() });
    await tx.insert(chainSettings).values({ chainId, ...pricingSettingsColumns(demoPricingSettings, clock()), productAttributeNames: demoAttributeNames });
    // The keys every demo till has had; HQ changes them under Settings › Till shortcuts and the tills pull them.
    await tx.insert(tillShortcuts).values({ chainId, shortcuts: { ...defaultTillShortcuts }, updatedAt: clock() });
    await tx.insert(franchisees).values(demoFranchisees.map((f) => ({ chainId, id: franchiseeIds[f.key]!, code: f.code, name: f.name, contact: f.contact })));
    await tx.insert(stores).values(storeRows);
    await tx.insert(users).values(userRows);
    await tx.insert(clerks).values(clerkRows);
    await tx.insert(tillDevices).values(deviceRows);
    await tx.insert(categories).values(categoryRows);
    await tx.insert(brands).values(brandRows);
    await insertChunked([...productRows, ...looseRows], (part) => tx.insert(products).values(part));
    await insertChunked(productRows.map((p, i) => ({ chainId, code: demoEan13(catalog[i]!.index), productId: p.id })), (part) => tx.insert(barcodes).values(part));
    await insertChunked([...priceRows, ...storeOverrides], (part) => tx.insert(prices).values(part));
    await insertChunked(costRows, (part) => tx.insert(productCosts).values(part));
    await tx.insert(storeAssortments).values({ chainId, storeId: assortmentStoreId, mode: 'all_except', updatedAt: clock() });
    await tx.insert(assortmentItems).values(looseRows.map((p) => ({ chainId, storeId: assortmentStoreId, productId: p.id })));
    await seedDemoStorePricing(tx, clock, {
      chainId, products: productRows.slice(-5).map((p) => ({ id: p.id, priceMinor: catalog[productRows.indexOf(p)]!.priceMinor })),
      storeId: storeIdByCode.get('S004')!, franchiseeUserId: userRows.find((u) => u.email === 'east@demo.pos')!.id,
    });
    await seedDemoOrganisation(tx, clock, {
      chainId, storeIds: storeIdByCode, franchiseeIds: franchiseeIds as Record<FranchiseeKey, string>, passwordHash,
      storeFranchisees: Object.fromEntries(demoStores.map((s) => [s.code, s.franchisee])),
    });
    await seedDemoCashReasons(tx, clock, chainId);
    await seedDemoSuppliers(tx, clock, chainId, productRows.map((p, i) => ({ id: p.id, brand: catalog[i]!.brand, priceMinor: catalog[i]!.priceMinor })));
  });
  await seedDemoPeople(deps, chainId);
  await options.onStep?.('organisation and catalog');
  const memberCount = await seedDemoMembers(deps, chainId);
  await seedMembershipShowcase(deps, chainId, DEMO_CHAIN.timeZone);
  await seedDemoMemberMessages(deps, chainId);
  await seedDemoStoredValue(deps, chainId);
  await options.onStep?.('members');
  const historyProducts = productRows.slice(0, 1500);
  // Only a demo with history gets promotions: the tills price with the running one, and a chain without history has no sales to weigh them by.
  const promotions = options.historyDays > 0 ? await seedDemoPromotions(deps, chainId, DEMO_CHAIN.timeZone, historyProducts) : [];
  const salesCount = await seedSalesHistory(deps, {
    chainId, days: options.historyDays, random, promotions,
    stores: storeRows.map((s, i) => ({ ...s, traffic: demoStores[i]!.traffic, deviceIds: deviceRows.filter((d) => d.storeId === s.id).map((d) => d.id) })),
    clerks: clerkRows, products: historyProducts.map((p, i) => ({ ...p, barcode: demoEan13(catalog[i]!.index), priceMinor: catalog[i]!.priceMinor })),
  });
  // Members' own purchases, some long before the history, so member analysis has classes and lifecycles to show.
  if (options.historyDays > 0) {
    await seedDemoMemberSales(deps, {
      chainId, stores: storeRows.map((s) => ({ ...s, deviceIds: deviceRows.filter((d) => d.storeId === s.id).map((d) => d.id) })),
      cashiers: clerkRows.filter((c) => c.role !== 'sales_clerk'), products: historyProducts.map((p, i) => ({ ...p, barcode: demoEan13(catalog[i]!.index), priceMinor: catalog[i]!.priceMinor })),
    });
  }
  // After the last sale of each store's history, so the demo's reprint names a real receipt.
  await seedDemoTillEvents(deps, { chainId, random, stores: storeRows, clerks: clerkRows });
  await seedDemoShifts(deps, chainId);
  await options.onStep?.('sales history');
  const demoProduct = productRows[3]!;
  await seedDemoReturns(deps, chainId, random, { id: demoProduct.id, nameZh: demoProduct.nameZh, nameEn: demoProduct.nameEn, barcode: demoEan13(catalog[3]!.index), priceMinor: catalog[3]!.priceMinor });
  const pointsProducts = productRows.slice(0, 3).map((p, i) => ({ id: p.id, nameZh: p.nameZh, nameEn: p.nameEn, barcode: demoEan13(catalog[i]!.index), priceMinor: catalog[i]!.priceMinor }));
  await seedDemoPoints(deps, chainId, pointsProducts, options.historyDays > 0);
  await seedDemoReminders(deps, chainId);
  await seedDemoCommission(deps, chainId, DEMO_CHAIN.timeZone);
  await seedDemoStock(deps, chainId);
  await seedDemoStoreStock(deps, chainId);
  await seedDemoReceiving(deps, chainId);
  // After every stock and stored-value step, so this month's draft shows them.
  await seedDemoSettlement(deps, chainId);
  // Last, so the tills' cursors are HQ's latest change.
  await seedDemoTillMonitor(deps, chainId, random);
  return { chainId, products: productRows.length + looseRows.length, members: memberCount, sales: salesCount };
}

/** The demo till devices of a store, for printing pairing codes at start-up. */
export async function demoDevices({ db }: Deps) {
  return db
    .select({ chainId: tillDevices.chainId, id: tillDevices.id, code: tillDevices.code, storeCode: stores.code, storeName: stores.nameZh, pairedAt: tillDevices.pairedAt })
    .from(tillDevices)
    .innerJoin(stores, and(eq(stores.chainId, tillDevices.chainId), eq(stores.id, tillDevices.storeId)))
    .innerJoin(chains, and(eq(chains.id, tillDevices.chainId), eq(chains.code, DEMO_CHAIN.code)))
    .orderBy(tillDevices.code);
}
