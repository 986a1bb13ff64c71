import { randomUUID } from 'node:crypto';
import { memberLevels, pricingDiscrepancies } from '@pos/hq-server/pricing/pricing.tables';
import { memberCards } from '@pos/hq-server/members/membership.tables';
import { prices } from '@pos/hq-server/catalog/catalog.tables';
import { clerks, stores, tillDevices } from '@pos/hq-server/org/org.tables';
import { sales } from '@pos/hq-server/sales/sales.tables';
import { tillEvents } from '@pos/hq-server/till-events/till-events.tables';
import { ClerkSession, OfficeSessionList, PriceEntry, PushResponse, type PairedDevice, type Sale } from '@pos/shared';
import { and, eq, isNotNull } from 'drizzle-orm';
import { bearer, DEMO_PIN, json, makeSale, pairTill, signInOffice, type Fixture } from './fixture';
import { makeShiftOpen } from './shift-documents';
import { makeTillEvent } from './till-events';

/** The objects of one store that scoped parameters name: a store, one of its tills, a sale, a store price, a clerk. */
export interface StoreRefs {
  storeId: string;
  storeCode: string;
  deviceId: string;
  saleId: string;
  /** A shift opened on the store's till. */
  shiftId: string;
  priceId: string;
  clerkId: string;
  clerkCode: string;
  /** The office user who runs the store (its manager or franchisee), and one of their sessions that no actor uses. */
  userId: string;
  sessionId: string;
  /** A sale of this store as its till would push it. */
  sale: Sale;
}

/** Who calls: what kind of token, the stores it may see, and the store whose objects it calls its own. */
export interface Actor {
  name: string;
  kind: 'device' | 'clerk' | 'office';
  role: 'hq_admin' | 'franchisee' | 'store_manager' | null;
  token: string;
  /** A new session for an office actor, for operations that end the session they come with; it moves the clock past the sign-in rate limit. */
  signInAgain?: () => Promise<string>;
  visibleStoreIds: string[];
  own: StoreRefs;
  foreign: StoreRefs;
}

/** A price mismatch on the sale's first line, so HQ records a pricing discrepancy for the store. */
function mispriced(sale: Sale): Sale {
  const [first, ...rest] = sale.lines;
  const unit = first!.unitPriceMinor + 1;
  const line = { ...first!, unitPriceMinor: unit, grossMinor: unit * first!.quantity, netMinor: unit * first!.quantity };
  const total = [line, ...rest].reduce((n, l) => n + l.netMinor, 0);
  const payment = { ...sale.payments[0]!, amountMinor: total, tenderedMinor: Math.ceil(total / 10_000) * 10_000 };
  return { ...sale, lines: [line, ...rest], payments: [payment], subtotalMinor: total, totalMinor: total, changeMinor: payment.tenderedMinor - total } as Sale;
}

async function signInAfterAMinute(f: Fixture, email: string): Promise<string> {
  f.clock.advance(61_000);
  return signInOffice(f, email);
}

/** A session of the store's office user that no actor holds, so revoking it by mistake breaks nothing but the check. */
async function spareSession(f: Fixture, email: string): Promise<{ userId: string; sessionId: string }> {
  const token = await signInOffice(f, email);
  const { sessions } = OfficeSessionList.parse(await (await f.app.request('/auth/sessions', bearer(token))).json());
  const current = sessions.find((s) => s.current)!;
  return { userId: current.userId, sessionId: current.id };
}

async function storeRefs(f: Fixture, hq: string, storeCode: string, clerkCode: string, email: string): Promise<StoreRefs & { till: PairedDevice }> {
  const till = await pairTill(f, storeCode);
  const sale = mispriced(makeSale(f, till, clerkCode, { lines: 1 }));
  // A drawer opened by a cashier with the store manager's approval: a till event and an override to find.
  const noSale = makeTillEvent(f, till, 'no_sale', `${storeCode.slice(1)}3`, `${storeCode.slice(1)}1`);
  const shift = makeShiftOpen(f, till, clerkCode);
  const pushed = PushResponse.parse(await (await f.app.request('/sync/push', json({ documents: [sale, noSale, shift] }, till.deviceToken))).json());
  if (pushed.results.some((r) => r.status !== 'accepted')) throw new Error(`documents of ${storeCode} not accepted: ${JSON.stringify(pushed)}`);
  const scheduled = { productId: f.catalog[1]!.id, storeId: f.storeIds[storeCode]!, amountMinor: 777, effectiveFrom: '2027-01-01T00:00:00.000Z' };
  const price = PriceEntry.parse(await (await f.app.request('/pricing/prices', json(scheduled, hq))).json());
  return {
    till, storeId: f.storeIds[storeCode]!, storeCode, deviceId: till.device.id, saleId: sale.id, shiftId: shift.id, priceId: price.id,
    clerkId: f.clerkIds[clerkCode]!, clerkCode, ...(await spareSession(f, email)), sale: makeSale(f, till, clerkCode, { lines: 1 }),
  };
}

const ghost = (): StoreRefs => {
  const id = randomUUID();
  return { storeId: id, storeCode: 'S999', deviceId: randomUUID(), saleId: randomUUID(), shiftId: randomUUID(), priceId: randomUUID(), clerkId: randomUUID(), clerkCode: '9991', userId: randomUUID(), sessionId: randomUUID(), sale: {} as Sale };
};

export interface ScopeWorld {
  actors: Actor[];
  /** Ids and quoted codes of everything that belongs to a store outside `visibleStoreIds`, to look for in answers. */
  markersOutside(visibleStoreIds: string[]): string[];
  memberCardNo: string;
  levelId: string;
}

/**
 * The demo chain with something to find in each scope: S001 (direct, its manager s001), S004 (east)
 * and S006 (west) each get a paired till, a pushed sale with a pricing discrepancy, an approved
 * drawer opening and a scheduled store price. Every actor's foreign store is one it must not reach; HQ's is a store no chain has.
 */
export async function buildScopeWorld(f: Fixture): Promise<ScopeWorld> {
  const hq = await signInOffice(f, 'hq@demo.pos');
  const direct = await storeRefs(f, hq, 'S001', '0011', 's001@demo.pos');
  const east = await storeRefs(f, hq, 'S004', '0042', 'east@demo.pos');
  const west = await storeRefs(f, hq, 'S006', '0062', 'west@demo.pos');
  const clerk = await f.app.request('/auth/clerk/sign-in', json({ clerkCode: east.clerkCode, pin: DEMO_PIN }, east.till.deviceToken));
  const clerkToken = ClerkSession.parse(await clerk.json()).token;
  const ids = (...codes: string[]) => codes.map((c) => f.storeIds[c]!);
  const office = async (name: string, email: string, role: Actor['role'], visibleStoreIds: string[], own: StoreRefs, foreign: StoreRefs): Promise<Actor> => ({
    name, kind: 'office', role, token: await signInOffice(f, email), signInAgain: () => signInAfterAMinute(f, email), visibleStoreIds, own, foreign,
  });
  const actors: Actor[] = [
    { name: 'till S004', kind: 'device', role: null, token: east.till.deviceToken, visibleStoreIds: ids('S004'), own: east, foreign: west },
    { name: 'clerk 0042 of S004', kind: 'clerk', role: null, token: clerkToken, visibleStoreIds: ids('S004'), own: east, foreign: west },
    await office('east', 'east@demo.pos', 'franchisee', ids('S004', 'S005'), east, west),
    await office('west', 'west@demo.pos', 'franchisee', ids('S006', 'S007'), west, east),
    await office('s001 manager', 's001@demo.pos', 'store_manager', ids('S001'), direct, east),
    { ...(await office('hq', 'hq@demo.pos', 'hq_admin', Object.values(f.storeIds), direct, ghost())), token: hq },
  ];
  const owned = await storeOwnedIds(f);
  const codes = Object.entries(f.storeIds).map(([code, id]) => ({ storeId: id, id: JSON.stringify(code) }));
  const [member] = await f.deps.db.select({ cardNo: memberCards.cardNo }).from(memberCards).where(and(eq(memberCards.chainId, f.chainId), eq(memberCards.status, 'active'))).limit(1);
  const [level] = await f.deps.db.select({ id: memberLevels.id }).from(memberLevels).where(eq(memberLevels.chainId, f.chainId)).limit(1);
  return {
    actors, memberCardNo: member!.cardNo, levelId: level!.id,
    markersOutside: (visible) => [...owned, ...codes].filter((row) => !visible.includes(row.storeId)).map((row) => row.id),
  };
}

/** Every row that belongs to one store, by its id and store: the store, its tills, clerks, sales, till events, store prices, discrepancies. */
async function storeOwnedIds(f: Fixture): Promise<{ id: string; storeId: string }[]> {
  const { db } = f.deps;
  const rows = await Promise.all([
    db.select({ id: stores.id, storeId: stores.id }).from(stores).where(eq(stores.chainId, f.chainId)),
    db.select({ id: tillDevices.id, storeId: tillDevices.storeId }).from(tillDevices).where(eq(tillDevices.chainId, f.chainId)),
    db.select({ id: clerks.id, storeId: clerks.storeId }).from(clerks).where(isNotNull(clerks.storeId)),
    db.select({ id: sales.id, storeId: sales.storeId }).from(sales),
    db.select({ id: tillEvents.id, storeId: tillEvents.storeId }).from(tillEvents),
    db.select({ id: prices.id, storeId: prices.storeId }).from(prices).where(isNotNull(prices.storeId)),
    db.select({ id: pricingDiscrepancies.id, storeId: pricingDiscrepancies.storeId }).from(pricingDiscrepancies),
  ]);
  return rows.flat().map((r) => ({ id: r.id, storeId: r.storeId! }));
}
