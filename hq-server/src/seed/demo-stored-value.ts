import { minor } from '@pos/shared';
import { and, asc, eq } from 'drizzle-orm';
import type { Deps, DevicePrincipal } from '../http/app-env';
import { newId } from '../ids';
import { stores, tillDevices } from '../org/org.tables';
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

async function tillOf({ db }: Deps, chainId: string, storeCode: string): Promise<DevicePrincipal> {
  const [till] = await db.select({ id: tillDevices.id, code: tillDevices.code, storeId: stores.id, timeZone: stores.timeZone }).from(tillDevices)
    .innerJoin(stores, and(eq(stores.chainId, tillDevices.chainId), eq(stores.id, tillDevices.storeId)))
    .where(and(eq(tillDevices.chainId, chainId), eq(stores.code, storeCode))).orderBy(asc(tillDevices.code)).limit(1);
  return { kind: 'device', chainId, deviceId: till!.id, deviceCode: till!.code, storeId: till!.storeId, storeTimeZone: till!.timeZone };
}

/**
 * The demo chain's stored value: the "top up 500, get 50" rule, and showcase members whose
 * balances come from top-ups made as a till makes them (ledger entries and bonus), never written
 * into the balance directly. Returns how many top-ups were made.
 */
export async function seedDemoStoredValue(deps: Deps, chainId: string): Promise<number> {
  await deps.db.insert(topUpRules).values({ chainId, id: newId(deps.clock), ...demoTopUpRule, startsOn: null, endsOn: null, active: true, updatedAt: deps.clock() });
  for (const topUp of demoTopUps) {
    const till = await tillOf(deps, chainId, topUp.storeCode);
    await topUpStoredValue(deps, till, { paymentId: newId(deps.clock), cardNo: topUp.cardNo, amountMinor: minor(topUp.amountMinor), tender: topUp.tender, reference: topUp.tender === 'bank_card' ? '000123' : null });
  }
  return demoTopUps.length;
}
