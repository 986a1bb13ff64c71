import { verifyLedgers } from '@pos/hq-server/ledger/verify-ledgers';
import { storedValueEntries } from '@pos/hq-server/members/membership.tables';
import { StoredValueMovement, TopUpResult, type PairedDevice } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededFixture, json, type Fixture } from '../support/fixture';
import { account, addMember, errorOf, pairTills, paymentId, topUp } from '../support/stored-value';
import type { TestDatabase } from '../support/test-db';

/**
 * Real concurrency needs a server with several connections: the app's pool holds ten, so twenty
 * tills' requests truly overlap in PostgreSQL. PGlite runs one statement at a time, which would
 * prove nothing here; the same rules are tested on it in stored-value.test.ts.
 */
describe.skipIf(process.env.POS_TEST_DB !== 'postgres')('stored value under concurrent tills on PostgreSQL', () => {
  let database: TestDatabase;
  let f: Fixture;
  let tills: PairedDevice[];

  beforeAll(async () => {
    ({ database, f } = await createSeededFixture());
    tills = await pairTills(f, 20);
  });
  afterAll(() => database.close());

  const spendsOf = async (accountId: string) =>
    f.deps.db.select().from(storedValueEntries).where(and(eq(storedValueEntries.chainId, f.chainId), eq(storedValueEntries.accountId, accountId), eq(storedValueEntries.kind, 'spend')));

  interface Attempt { paymentId: string; cardNo: string; amountMinor: number; status: number; code?: string }

  /** Every till spends `rounds` times, one after another, all tills at once; each spend a random amount up to `maxMinor` on a card `cardFor` picks. */
  async function spendTogether(rounds: number, maxMinor: number, cardFor: (till: number) => string): Promise<Attempt[]> {
    const perTill = await Promise.all(tills.map(async (till, t) => {
      const attempts: Attempt[] = [];
      for (let round = 0; round < rounds; round++) {
        const body = { paymentId: paymentId(), saleId: paymentId(), cardNo: cardFor(t), amountMinor: 1 + Math.floor(Math.random() * maxMinor) };
        const res = await f.app.request('/stored-value/spends', json(body, till.deviceToken));
        attempts.push({ ...body, status: res.status, ...(res.status === 200 ? {} : { code: (await errorOf(res)).code }) });
      }
      return attempts;
    }));
    return perTill.flat();
  }

  function expectLedgerHolds(attempts: Attempt[], spends: { paymentId: string | null; amountMinor: number }[]) {
    const accepted = attempts.filter((a) => a.status === 200);
    expect(spends.map((s) => s.paymentId).sort()).toEqual(accepted.map((a) => a.paymentId).sort());
    const amountOf = new Map(spends.map((s) => [s.paymentId, -s.amountMinor]));
    expect(accepted.every((a) => amountOf.get(a.paymentId) === a.amountMinor)).toBe(true);
  }

  it('never overdraws one card spent by twenty tills fifty times each, and the ledger holds exactly the accepted spends', async () => {
    const member = await addMember(f);
    expect((await topUp(f, tills[0]!.deviceToken, { cardNo: member.cardNo, amountMinor: 2_000_000 })).status).toBe(200);
    const funded = (await account(f, member.id)).balanceMinor;
    const attempts = await spendTogether(50, 5_000, () => member.cardNo);
    expect(attempts).toHaveLength(1_000);
    expect(attempts.filter((a) => a.status !== 200).every((a) => a.status === 409 && a.code === 'INSUFFICIENT_BALANCE')).toBe(true);
    expect(attempts.some((a) => a.status === 409)).toBe(true);
    const spends = await spendsOf(member.id);
    expectLedgerHolds(attempts, spends);
    const after = await account(f, member.id);
    expect(after.balanceMinor).toBeGreaterThanOrEqual(0);
    expect(after.balanceMinor).toBe(funded - attempts.filter((a) => a.status === 200).reduce((sum, a) => sum + a.amountMinor, 0));
    expect(Math.min(...spends.map((s) => s.balanceAfterMinor))).toBeGreaterThanOrEqual(0);
    expect((await verifyLedgers(database.db)).ok).toBe(true);
  }, 240_000);

  it('holds each child card to its limits while the parent and its children spend the shared balance at once', async () => {
    const parent = await addMember(f);
    await topUp(f, tills[0]!.deviceToken, { cardNo: parent.cardNo, amountMinor: 300_000 });
    const funded = (await account(f, parent.id)).balanceMinor;
    const children: { id: string; cardNo: string }[] = [];
    for (let i = 0; i < 4; i++) children.push(await addMember(f, undefined, { id: parent.id, txnLimitMinor: 3_000, dayLimitMinor: 20_000 }));
    const cards = [parent.cardNo, ...children.map((c) => c.cardNo)];
    const attempts = await spendTogether(50, 4_000, (t) => cards[t % cards.length]!);
    const spends = await spendsOf(parent.id);
    expectLedgerHolds(attempts, spends);
    for (const child of children) {
      const accepted = attempts.filter((a) => a.cardNo === child.cardNo && a.status === 200);
      expect(accepted.every((a) => a.amountMinor <= 3_000)).toBe(true);
      expect(accepted.reduce((sum, a) => sum + a.amountMinor, 0)).toBeLessThanOrEqual(20_000);
      expect(attempts.some((a) => a.cardNo === child.cardNo && a.code === 'CHILD_LIMIT_EXCEEDED')).toBe(true);
    }
    const refusals = attempts.filter((a) => a.status !== 200);
    expect(refusals.every((a) => a.status === 409 && (a.code === 'CHILD_LIMIT_EXCEEDED' || a.code === 'INSUFFICIENT_BALANCE'))).toBe(true);
    const after = await account(f, parent.id);
    expect(after.balanceMinor).toBeGreaterThanOrEqual(0);
    expect(after.balanceMinor).toBe(funded - spends.reduce((sum, s) => sum - s.amountMinor, 0));
    expect((await verifyLedgers(database.db)).ok).toBe(true);
  }, 240_000);

  it('debits once when a till sends the same spend three times at once, and tops up once likewise', async () => {
    const member = await addMember(f);
    await topUp(f, tills[0]!.deviceToken, { cardNo: member.cardNo, amountMinor: 100_000 });
    const funded = (await account(f, member.id)).balanceMinor;
    for (let round = 0; round < 10; round++) {
      const till = tills[round]!;
      const body = { paymentId: paymentId(), saleId: paymentId(), cardNo: member.cardNo, amountMinor: 1_000 };
      const answers = await Promise.all([0, 1, 2].map(() => f.app.request('/stored-value/spends', json(body, till.deviceToken))));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      const movements = await Promise.all(answers.map(async (a) => StoredValueMovement.parse(await a.json())));
      expect(new Set(movements.map((m) => m.entryId)).size).toBe(1);

      const topUpBody = { paymentId: paymentId(), cardNo: member.cardNo, amountMinor: 500, tender: 'cash' };
      const topUps = await Promise.all([0, 1, 2].map(() => f.app.request('/stored-value/top-ups', json(topUpBody, till.deviceToken))));
      expect(topUps.map((a) => a.status)).toEqual([200, 200, 200]);
      const results = await Promise.all(topUps.map(async (a) => TopUpResult.parse(await a.json())));
      expect(new Set(results.map((r) => r.entryId)).size).toBe(1);
    }
    expect((await spendsOf(member.id))).toHaveLength(10);
    expect((await account(f, member.id)).balanceMinor).toBe(funded - 10 * 1_000 + 10 * 500);
    expect((await verifyLedgers(database.db)).ok).toBe(true);
  });

  it('answers every copy of a spend sent at once with the first, even when the first took the whole balance', async () => {
    for (let round = 0; round < 5; round++) {
      const member = await addMember(f);
      await topUp(f, tills[0]!.deviceToken, { cardNo: member.cardNo, amountMinor: 2_000 });
      const body = { paymentId: paymentId(), saleId: paymentId(), cardNo: member.cardNo, amountMinor: 2_000 };
      const answers = await Promise.all(tills.slice(0, 5).map(() => f.app.request('/stored-value/spends', json(body, tills[round]!.deviceToken))));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
      const movements = await Promise.all(answers.map(async (a) => StoredValueMovement.parse(await a.json())));
      expect(new Set(movements.map((m) => m.entryId)).size).toBe(1);
      expect(movements[0]!.balanceAfterMinor).toBe(0);
      expect(await spendsOf(member.id)).toHaveLength(1);
      expect((await account(f, member.id)).balanceMinor).toBe(0);
    }
    expect((await verifyLedgers(database.db)).ok).toBe(true);
  });
});
