import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { newId, type Clock } from '../ids';
import { franchisees, regions, storeEvents, stores, users } from '../org/org.tables';
import type { FranchiseeKey } from './demo-org';

/** Two regions; the region manager of Pudong signs in as `pudong@demo.pos`. */
export const demoRegions = [
  { code: 'PD', nameZh: '浦东区域', nameEn: 'Pudong' },
  { code: 'PX', nameZh: '浦西区域', nameEn: 'Puxi' },
] as const;

export const demoRegionManager = { email: 'pudong@demo.pos', name: '浦东区域经理 Pudong Region Manager', region: 'PD' } as const;

/** Where each demo store is, in which region, and when it opened. */
export const demoStorePlaces: Record<string, { region: 'PD' | 'PX'; address: string; openedOn: string }> = {
  S001: { region: 'PX', address: '上海市黄浦区南京东路 300 号', openedOn: '2019-03-18' },
  S002: { region: 'PD', address: '上海市浦东新区陆家嘴环路 1000 号', openedOn: '2019-09-01' },
  S003: { region: 'PX', address: '上海市徐汇区漕溪北路 18 号', openedOn: '2020-05-20' },
  S004: { region: 'PX', address: '上海市静安区南京西路 1618 号', openedOn: '2021-04-08' },
  S005: { region: 'PX', address: '上海市杨浦区邯郸路 600 号', openedOn: '2022-01-15' },
  S006: { region: 'PX', address: '上海市长宁区虹桥路 1452 号', openedOn: '2022-10-01' },
  S007: { region: 'PX', address: '上海市长宁区长宁路 1018 号', openedOn: '2023-06-12' },
};

/** The franchisees' contract terms: royalty in basis points, settlement cycle (做期), credit limit in fen. */
export const demoFranchiseeTerms: Record<FranchiseeKey, Partial<typeof franchisees.$inferInsert>> = {
  east: { contact: '王先生', phone: '138 0000 1001', royaltyRateBp: 500, settlementCycle: 'monthly', creditLimitMinor: 20_000_000, contractStart: '2021-04-01', contractEnd: '2029-03-31' },
  west: { contact: '李女士', phone: '139 0000 2002', royaltyRateBp: 450, settlementCycle: 'quarterly', creditLimitMinor: 15_000_000, contractStart: '2022-09-01', contractEnd: '2027-08-31' },
};

/** S006 opened under East China Retail and went to Westside this many days before the demo's today. */
const S006_MOVED_DAYS_AGO = 150;

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

interface OrganisationIds {
  chainId: string;
  storeIds: Map<string, string>;
  franchiseeIds: Record<FranchiseeKey, string>;
  storeFranchisees: Record<string, FranchiseeKey | null>;
  passwordHash: string;
}

/**
 * The demo chain's regions, store addresses and opening dates, franchise terms, a region manager,
 * and each store's history: opened (S006 under East China Retail), and S006's move to Westside.
 */
export async function seedDemoOrganisation(tx: Db, clock: Clock, ids: OrganisationIds): Promise<void> {
  const { chainId } = ids;
  const regionIds = Object.fromEntries(demoRegions.map((r) => [r.code, newId(clock)]));
  await tx.insert(regions).values(demoRegions.map((r) => ({ chainId, id: regionIds[r.code]!, parentId: null, code: r.code, nameZh: r.nameZh, nameEn: r.nameEn })));
  for (const [key, terms] of Object.entries(demoFranchiseeTerms)) {
    await tx.update(franchisees).set(terms).where(and(eq(franchisees.chainId, chainId), eq(franchisees.id, ids.franchiseeIds[key as FranchiseeKey])));
  }
  const at = clock();
  const movedOn = daysBefore(at, S006_MOVED_DAYS_AGO);
  for (const [code, place] of Object.entries(demoStorePlaces)) {
    const storeId = ids.storeIds.get(code)!;
    const regionId = regionIds[place.region]!;
    await tx.update(stores).set({ regionId, address: place.address, openedOn: place.openedOn }).where(and(eq(stores.chainId, chainId), eq(stores.id, storeId)));
    const owner = code === 'S006' ? 'east' : ids.storeFranchisees[code];
    const opened = { chainId, id: newId(clock), storeId, kind: 'opened' as const, effectiveOn: place.openedOn, toFranchiseeId: owner ? ids.franchiseeIds[owner] : null, toRegionId: regionId, at };
    await tx.insert(storeEvents).values(opened);
  }
  await tx.insert(storeEvents).values({
    chainId, id: newId(clock), storeId: ids.storeIds.get('S006')!, kind: 'franchisee_changed', effectiveOn: movedOn,
    fromFranchiseeId: ids.franchiseeIds.east, toFranchiseeId: ids.franchiseeIds.west, note: '加盟商转让 Transfer between franchisees', at,
  });
  await tx.insert(users).values({
    chainId, id: newId(clock), email: demoRegionManager.email, name: demoRegionManager.name, role: 'region_manager', passwordHash: ids.passwordHash, regionId: regionIds[demoRegionManager.region]!,
  });
}
