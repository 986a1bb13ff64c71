import { minor, periodByKey, periodOf, periodsToCompare, type CommissionRuleBody } from '@pos/shared';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { categories, products } from '../catalog/catalog.tables';
import { commissionDuty, commissionPlans, commissionTargets, counters } from '../commission/commission.tables';
import { closeCommissionPeriod, workCommissionPeriod } from '../commission/commission-periods.service';
import type { Deps } from '../http/app-env';
import { newId } from '../ids';
import { clerks, stores, users } from '../org/org.tables';

const rule = (fields: Partial<CommissionRuleBody> & Pick<CommissionRuleBody, 'rate'>): CommissionRuleBody => ({
  productId: null, categoryId: null, brandId: null, supplierId: null, grade: null, mode: 'personal', ...fields,
});

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) days.push(d.toISOString().slice(0, 10));
  return days;
}

/**
 * The demo chain's commission (营业员提成): a plan paying 1% up to each clerk's monthly target and
 * 2% above it, the snacks counter (零食柜) of every store pooled at 1.5% and divided by the hours on
 * duty, 8% of margin on dairy for grade-A clerks, and ¥0.50 a unit of the first product; every
 * clerk on duty at their store's counter and in its own pool, with a target for this month and the last; last month
 * worked out and closed by HQ, this month worked out as a preview.
 */
export async function seedDemoCommission(deps: Deps, chainId: string, timeZone: string): Promise<void> {
  const { db, clock } = deps;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(clock());
  const current = periodOf(today, 1);
  const previous = periodByKey(periodsToCompare(current.key).previous, 1);
  const [snacks, dairy] = await Promise.all(['SNK', 'DRY'].map(async (code) => (await db.select({ id: categories.id }).from(categories).where(and(eq(categories.chainId, chainId), eq(categories.code, code))))[0]?.id ?? null));
  const [first] = await db.select({ id: products.id }).from(products).where(eq(products.chainId, chainId)).orderBy(products.sku).limit(1);

  await db.insert(commissionPlans).values({
    chainId, id: newId(clock), name: '门店提成方案 Store commission plan', validFrom: `${today.slice(0, 4)}-01-01`, validTo: null,
    exclusions: { gifts: true, discounted: false, staffTags: ['员工'] }, poolShare: 'hours', gradeWeights: { A: 3, B: 2 },
    rules: [
      rule({ rate: { kind: 'tiered', basis: 'net', measure: 'clerk', apply: 'above', tiers: [{ fromTargetBp: 0, bp: 100 }, { fromTargetBp: 10_000, bp: 200 }] } }),
      ...(snacks ? [rule({ categoryId: snacks, mode: 'pooled', rate: { kind: 'percent', basis: 'net', bp: 150 } })] : []),
      ...(dairy ? [rule({ categoryId: dairy, grade: 'A', rate: { kind: 'percent', basis: 'margin', bp: 800 } })] : []),
      ...(first ? [rule({ productId: first.id, rate: { kind: 'per_unit', amountMinor: minor(50) } })] : []),
    ].map((r) => ({ id: newId(clock), ...r })),
    updatedAt: clock(),
  });

  const storeRows = await db.select({ id: stores.id, code: stores.code, nameZh: stores.nameZh, nameEn: stores.nameEn, timeZone: stores.timeZone, franchiseeId: stores.franchiseeId })
    .from(stores).where(and(eq(stores.chainId, chainId), eq(stores.active, true)));
  const staff = await db.select({ id: clerks.id, storeId: clerks.storeId, code: clerks.code }).from(clerks).where(and(eq(clerks.chainId, chainId), isNotNull(clerks.storeId), inArray(clerks.storeId, storeRows.map((s) => s.id))));
  const days = daysBetween(previous.from, today);
  for (const store of storeRows) {
    const counterId = newId(clock);
    if (snacks) await db.insert(counters).values({ chainId, id: counterId, storeId: store.id, code: 'SNK', name: '零食柜 Snacks counter', categoryIds: [snacks] });
    const people = staff.filter((c) => c.storeId === store.id);
    // On duty at the snacks counter and in the store's own pool, which takes the lines no clerk sold.
    const pools = [...(snacks ? [counterId] : []), store.id];
    if (people.length > 0) {
      await db.insert(commissionDuty).values(pools.flatMap((poolId) => days.flatMap((date, d) => people.map((c, i) => ({ chainId, storeId: store.id, poolId, clerkId: c.id, date, minutes: 240 + ((d + i) % 3) * 120 })))));
    }
    if (people.length > 0) {
      await db.insert(commissionTargets).values([previous, current].flatMap((p) => people.map((c, i) => ({ chainId, periodKey: p.key, kind: 'clerk' as const, subjectId: c.id, storeId: store.id, amountMinor: 300_000 + i * 100_000 }))));
    }
  }

  await workCommissionPeriod(deps, chainId, storeRows, previous.key);
  const [hq] = await db.select({ id: users.id }).from(users).where(and(eq(users.chainId, chainId), eq(users.role, 'hq_admin'))).limit(1);
  if (hq) await closeCommissionPeriod(deps, chainId, storeRows, previous.key, hq.id);
  await workCommissionPeriod(deps, chainId, storeRows, current.key);
}
