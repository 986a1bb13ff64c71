import type { AuditAction, CreateRegionBody, Region, UpdateRegionBody } from '@pos/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { unchanged } from '../db/unchanged';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { regions, stores, users } from './org.tables';

// Written out whole: drizzle leaves the outer columns unqualified, which the sub-select would read as its own.
const storeCount = sql<number>`(select count(*)::int from stores s where s.chain_id = regions.chain_id and s.region_id = regions.id and s.active)`;
const columns = { id: regions.id, parentId: regions.parentId, code: regions.code, nameZh: regions.nameZh, nameEn: regions.nameEn, active: regions.active, storeCount };

const toRegion = (row: Region): Region => ({ ...row, storeCount: Number(row.storeCount) });

/** The chain's regions, whole (a tree is shown whole), by code; each names its parent. */
export async function listRegions(db: Db, chainId: string): Promise<Region[]> {
  return (await db.select(columns).from(regions).where(eq(regions.chainId, chainId)).orderBy(regions.code)).map(toRegion);
}

async function findRegion(db: Db, chainId: string, id: string): Promise<Region | undefined> {
  const [row] = await db.select(columns).from(regions).where(and(eq(regions.chainId, chainId), eq(regions.id, id)));
  return row && toRegion(row);
}

const refused = (path: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ path, message }]);

/** A region's id and the ids of every region below it. */
export function regionAndBelow(all: readonly Pick<Region, 'id' | 'parentId'>[], id: string): Set<string> {
  const found = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of all) {
      if (r.parentId && found.has(r.parentId) && !found.has(r.id)) {
        found.add(r.id);
        grew = true;
      }
    }
  }
  return found;
}

/** A parent a region may go under: an active region of the chain that is not the region itself or below it. */
async function checkParent(db: Db, chainId: string, parentId: string | null, movingId: string | null): Promise<void> {
  if (parentId === null) return;
  const all = await listRegions(db, chainId);
  const parent = all.find((r) => r.id === parentId);
  if (!parent?.active) throw refused('parentId', parent ? 'the parent region is not in use' : 'no such region in this chain');
  if (movingId && regionAndBelow(all, movingId).has(parentId)) throw refused('parentId', 'a region cannot go under itself or a region below it');
}

export async function createRegion({ db, clock }: Deps, principal: Principal, body: CreateRegionBody): Promise<Region> {
  await checkParent(db, principal.chainId, body.parentId, null);
  const id = newId(clock);
  return db.transaction(async (tx) => {
    const inserted = await tx.insert(regions).values({ chainId: principal.chainId, id, ...body }).onConflictDoNothing().returning({ id: regions.id });
    if (inserted.length === 0) throw new AppError('CONFLICT', `region code ${body.code} is taken`, [{ path: 'code', message: 'already used by another region' }]);
    const after = (await findRegion(tx, principal.chainId, id))!;
    await recordAudit(tx, principal, clock, { entity: 'region', entityId: id, action: 'create', before: null, after });
    return after;
  });
}

async function changeRegion({ db, clock }: Deps, principal: Principal, id: string, action: AuditAction, set: Partial<typeof regions.$inferInsert>): Promise<Region> {
  return db.transaction(async (tx) => {
    const before = await findRegion(tx, principal.chainId, id);
    if (!before) throw new AppError('NOT_FOUND', 'no such region');
    if (unchanged(before, set)) return before;
    await tx.update(regions).set(set).where(and(eq(regions.chainId, principal.chainId), eq(regions.id, id)));
    const after = (await findRegion(tx, principal.chainId, id))!;
    await recordAudit(tx, principal, clock, { entity: 'region', entityId: id, action, before, after });
    return after;
  });
}

/** Renames a region, or moves it under another (never into its own subtree). */
export async function updateRegion(deps: Deps, principal: Principal, id: string, body: UpdateRegionBody): Promise<Region> {
  if (body.parentId !== undefined) await checkParent(deps.db, principal.chainId, body.parentId, id);
  return changeRegion(deps, principal, id, body.parentId === undefined ? 'update' : 'move', body);
}

/** A region stops being used only once nothing active is in it or below it: no region, store or office user. */
export async function deactivateRegion(deps: Deps, principal: Principal, id: string): Promise<Region> {
  const { db } = deps;
  const all = await listRegions(db, principal.chainId);
  if (!all.some((r) => r.id === id)) throw new AppError('NOT_FOUND', 'no such region');
  const below = [...regionAndBelow(all, id)];
  if (all.some((r) => r.id !== id && r.active && below.includes(r.id))) throw new AppError('CONFLICT', 'the region has active regions under it');
  const inChain = (table: typeof stores | typeof users) => and(eq(table.chainId, principal.chainId), inArray(table.regionId, below), eq(table.active, true));
  if ((await db.$count(stores, inChain(stores))) > 0) throw new AppError('CONFLICT', 'the region still has active stores; move or close them first');
  if ((await db.$count(users, inChain(users))) > 0) throw new AppError('CONFLICT', 'office users still work in the region; move or deactivate them first');
  return changeRegion(deps, principal, id, 'deactivate', { active: false });
}

export async function reactivateRegion(deps: Deps, principal: Principal, id: string): Promise<Region> {
  const region = (await listRegions(deps.db, principal.chainId)).find((r) => r.id === id);
  if (!region) throw new AppError('NOT_FOUND', 'no such region');
  await checkParent(deps.db, principal.chainId, region.parentId, null);
  return changeRegion(deps, principal, id, 'reactivate', { active: true });
}
