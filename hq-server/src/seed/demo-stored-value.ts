import { defaultMembershipSettings, minor } from '@pos/shared';
import { and, asc, eq } from 'drizzle-orm';
import type { Deps, DevicePrincipal, OfficePrincipal } from '../http/app-env';
import { newId } from '../ids';
import { stores, tillDevices, users } from '../org/org.tables';
import { members } from '../pricing/pricing.tables';
import { requestAdjustment } from '../stored-value/adjustments.service';
import { memberCards, membershipSettings } from '../members/membership.tables';
import { topUpRules } from '../stored-value/stored-value.tables';
import { topUpStoredValue } from '../stored-value/top-ups.service';
import { demoCardNo } from './demo-members';

/** The chain's standing top-up offer, open-ended so the demo shows it whenever it starts. */
export const demoTopUpRule = { name: '充500送50 / Top up 500, get 50', minTopUpMinor: 50_000, bonusMinor: 5_000 };

/** Showcase members' top-ups: at a direct store and at a franchisee's, so settlement between them has something to show. */
const demoTopUps = [
  { cardNo: demoCardNo(1), storeCode: 'S001', amountMinor: 50_000, tender: 'cash' as const },
  { cardNo: demoCardNo(1), storeCode: 'S004', amountMinor: 20_000, tender: 'bank_card' as const },
  { cardNo: demoCardNo(2), storeCode: 'S004', amountMinor: 30_000, tender: 'cash' as const },
  { cardNo: demoCardNo(3), storeCode: 'S006', amountMinor: 100_000, tender: 'bank_card' as const },
];

/** An adjustment HQ asked for above the chain's approval threshold, so the office shows one waiting for a second HQ user (finance). */
export const demoPendingAdjustment = { cardNo: demoCardNo(3), amountMinor: 60_000, reason: '补录未到账充值 / Top-up paid but not credited' };

async function hqAdminOf({ db }: Deps, chainId: string): Promise<OfficePrincipal> {
  const [user] = await db.select({ id: users.id }).from(users).where(and(eq(users.chainId, chainId), eq(users.email, 'hq@demo.pos')));
  return { kind: 'office', chainId, userId: user!.id, sessionId: newId(() => new Date(0)), role: 'hq_admin', franchiseeId: null, regionId: null, storeId: null };
}

async function tillOf({ db }: Deps, chainId: string, storeCode: string): Promise<DevicePrincipal> {
  const [till] = await db.select({ id: tillDevices.id, code: tillDevices.code, storeId: stores.id, timeZone: stores.timeZone }).from(tillDevices)
    .innerJoin(stores, and(eq(stores.chainId, tillDevices.chainId), eq(stores.id, tillDevices.storeId)))
    .where(and(eq(tillDevices.chainId, chainId), eq(stores.code, storeCode))).orderBy(asc(tillDevices.code)).limit(1);
  return { kind: 'device', chainId, deviceId: till!.id, deviceCode: till!.code, storeId: till!.storeId, storeTimeZone: till!.timeZone };
}

/**
 * The demo chain's stored value: the "top up 500, get 50" rule, and showcase members whose
 * balances come from top-ups made as a till makes them (ledger entries and bonus), never written
 * into the balance directly, and one adjustment waiting for a second HQ user's approval.
 * Returns how many top-ups were made.
 */
export async function seedDemoStoredValue(deps: Deps, chainId: string): Promise<number> {
  // A till cut off from HQ takes stored value up to ¥50 a card and ¥500 in all (离线储值), so the demo shows it.
  await deps.db.insert(membershipSettings).values({ chainId, ...defaultMembershipSettings, offlineCardAllowanceMinor: 5_000, offlineTillAllowanceMinor: 50_000, updatedAt: deps.clock() });
  await deps.db.insert(topUpRules).values({ chainId, id: newId(deps.clock), ...demoTopUpRule, startsOn: null, endsOn: null, active: true, updatedAt: deps.clock() });
  for (const topUp of demoTopUps) {
    const till = await tillOf(deps, chainId, topUp.storeCode);
    await topUpStoredValue(deps, till, { paymentId: newId(deps.clock), cardNo: topUp.cardNo, amountMinor: minor(topUp.amountMinor), tender: topUp.tender, reference: topUp.tender === 'bank_card' ? '000123' : null });
  }
  const [member] = await deps.db.select({ id: members.id }).from(memberCards)
    .innerJoin(members, and(eq(members.chainId, memberCards.chainId), eq(members.id, memberCards.memberId)))
    .where(and(eq(memberCards.chainId, chainId), eq(memberCards.cardNo, demoPendingAdjustment.cardNo)));
  await requestAdjustment(deps, await hqAdminOf(deps, chainId), { memberId: member!.id, amountMinor: minor(demoPendingAdjustment.amountMinor), reason: demoPendingAdjustment.reason });
  return demoTopUps.length;
}
