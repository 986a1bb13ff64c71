import { randomBytes } from 'node:crypto';
import { hashPassword } from '@pos/hq-server/auth/secrets';
import { newId } from '@pos/hq-server/ids';
import { memberAccounts, memberCards } from '@pos/hq-server/members/membership.tables';
import { openMemberAccounts } from '@pos/hq-server/members/open-accounts';
import { memberLevels, members } from '@pos/hq-server/pricing/pricing.tables';
import { tillDevices } from '@pos/hq-server/org/org.tables';
import { uuidv7, withCheckDigit, type PairedDevice } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { json, pairTill, type Fixture } from './fixture';

export const paymentId = () => uuidv7(Date.now(), randomBytes(10));

let cardSerial = 0;
/** A card number no demo member holds. */
export const freshCardNo = () => withCheckDigit(`7${String(process.pid % 1000).padStart(3, '0')}${String(++cardSerial).padStart(6, '0')}`);

/** A member of the chain with their own account and an active card, as enrolment makes them; returns the member's (and account's) id. */
export async function addMember(f: Fixture, cardNo = freshCardNo(), parent?: { id: string; txnLimitMinor?: number | null; dayLimitMinor?: number | null }): Promise<{ id: string; cardNo: string }> {
  const [level] = await f.deps.db.select({ id: memberLevels.id }).from(memberLevels).where(eq(memberLevels.chainId, f.chainId)).limit(1);
  const id = newId(f.clock);
  await f.deps.db.insert(members).values({
    chainId: f.chainId, id, accountId: parent?.id ?? id, parentMemberId: parent?.id ?? null, childTxnLimitMinor: parent?.txnLimitMinor ?? null,
    childDayLimitMinor: parent?.dayLimitMinor ?? null, name: parent ? '附卡会员' : '储值会员', phone: null, levelId: level!.id, birthday: null, createdAt: f.clock(),
  });
  await openMemberAccounts(f.deps.db, f.chainId, f.clock());
  await f.deps.db.insert(memberCards).values({ chainId: f.chainId, id: newId(f.clock), cardNo, memberId: id, status: 'active', issuedAt: f.clock(), statusChangedAt: f.clock() });
  return { id, cardNo };
}

export async function setCard(f: Fixture, cardNo: string, values: Partial<typeof memberCards.$inferInsert>): Promise<void> {
  await f.deps.db.update(memberCards).set(values).where(and(eq(memberCards.chainId, f.chainId), eq(memberCards.cardNo, cardNo)));
}

export async function setCardPin(f: Fixture, cardNo: string, pin: string): Promise<void> {
  await setCard(f, cardNo, { pinHash: await hashPassword(pin) });
}

export async function account(f: Fixture, accountId: string) {
  const [row] = await f.deps.db.select().from(memberAccounts).where(and(eq(memberAccounts.chainId, f.chainId), eq(memberAccounts.id, accountId)));
  return row!;
}

export const topUp = (f: Fixture, token: string, body: Record<string, unknown>) => f.app.request('/stored-value/top-ups', json({ paymentId: paymentId(), tender: 'cash', ...body }, token));

export const spend = (f: Fixture, token: string, body: Record<string, unknown>) =>
  f.app.request('/stored-value/spends', json({ paymentId: paymentId(), saleId: paymentId(), ...body }, token));

export const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; details?: Record<string, unknown> } }).error;

/**
 * `count` paired tills spread over the demo chain's seven stores, adding tills to the stores
 * beyond the two each has, as a busy chain would have them.
 */
export async function pairTills(f: Fixture, count: number): Promise<PairedDevice[]> {
  const codes = Object.keys(f.storeIds).sort();
  const tills: PairedDevice[] = [];
  for (let i = 0; i < count; i++) {
    const storeCode = codes[i % codes.length]!;
    const index = Math.floor(i / codes.length);
    if (index >= 2) {
      await f.deps.db.insert(tillDevices).values({ chainId: f.chainId, id: newId(f.clock), storeId: f.storeIds[storeCode]!, code: `T9${String(i).padStart(2, '0')}`, name: `Till ${i}` });
    }
    // Pairing allows ten codes a minute from one address.
    if (i > 0 && i % 10 === 0) f.clock.advance(61_000);
    tills.push(await pairTill(f, storeCode, index));
  }
  return tills;
}
