import { availableParallelism, loadavg } from 'node:os';
import { verifyLedgers } from '@pos/hq-server/ledger/verify-ledgers';
import { startServer } from '@pos/hq-server/server';
import { sql } from 'drizzle-orm';
import { seedFixture } from '../support/fixture';
import { addMember, pairTills, paymentId, topUp } from '../support/stored-value';
import { createPostgresDatabase } from '../support/test-db';
import { percentile, round } from './stats';

const TILLS = 20;
const SPENDS_PER_TILL = 100;

/**
 * Stored-value authorisation (储值消费) as tills call it: twenty tills at once, each sending its
 * spends one after another over HTTP into HQ on a fresh PostgreSQL database, first each on a card
 * of its own, then all on one shared card (where the account's lock makes them take turns).
 */
export default async function storedValueBench(): Promise<Record<string, unknown>> {
  const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const database = await createPostgresDatabase(serverUrl);
  try {
    const f = await seedFixture(database);
    const tills = await pairTills(f, TILLS);
    const own: { id: string; cardNo: string }[] = [];
    for (let i = 0; i < TILLS; i++) own.push(await addMember(f));
    const shared = await addMember(f);
    for (const member of [...own, shared]) await topUp(f, tills[0]!.deviceToken, { cardNo: member.cardNo, amountMinor: 10_000_000 });
    await database.db.execute(sql`analyze`);
    const server = await startServer(f.deps, { port: 0, host: '127.0.0.1', staticDir: null });

    async function spendAtOnce(active: typeof tills, cardFor: (till: number) => string, spends: number) {
      const latencies: number[] = [];
      const started = performance.now();
      await Promise.all(active.map(async (till, t) => {
        for (let i = 0; i < spends; i++) {
          const t0 = performance.now();
          const res = await fetch(`${server.url}/stored-value/spends`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${till.deviceToken}` },
            body: JSON.stringify({ paymentId: paymentId(), saleId: paymentId(), cardNo: cardFor(t), amountMinor: 1 + Math.floor(Math.random() * 500) }),
          });
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`spend refused: ${res.status}`);
          latencies.push(performance.now() - t0);
        }
      }));
      const seconds = (performance.now() - started) / 1000;
      return {
        spends: latencies.length,
        ms: { median: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), max: round(Math.max(...latencies)) },
        spendsPerSecond: Math.round(latencies.length / seconds),
      };
    }

    // A bare round trip to PostgreSQL under the same load, to read the figures against.
    const roundTrips: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t0 = performance.now();
      await database.db.execute(sql`select 1`);
      roundTrips.push(performance.now() - t0);
    }
    await spendAtOnce(tills, (t) => own[t]!.cardNo, 5);
    const oneTillAlone = await spendAtOnce(tills.slice(0, 1), () => own[0]!.cardNo, SPENDS_PER_TILL);
    const differentCards = await spendAtOnce(tills, (t) => own[t]!.cardNo, SPENDS_PER_TILL);
    const sharedCard = await spendAtOnce(tills, () => shared.cardNo, SPENDS_PER_TILL);
    await server.close();
    const ledgers = await verifyLedgers(database.db);
    if (!ledgers.ok) throw new Error('a balance differs from its ledger after the bench');
    return {
      database: 'PostgreSQL', path: 'HTTP through the HQ server', tills: TILLS, spendsPerTill: SPENDS_PER_TILL,
      machine: { cpus: availableParallelism(), loadAverage: loadavg().map((l) => round(l)), selectOneMs: { median: round(percentile(roundTrips, 50)), p95: round(percentile(roundTrips, 95)) } },
      oneTillAlone, differentCards, sharedCard,
      verified: { ledgerAccounts: ledgers.ledgers[0]!.accounts, differences: 0 },
      target: { differentCardsP95Ms: 30, met: differentCards.ms.p95 <= 30 },
    };
  } finally {
    await database.close();
  }
}
