import { availableParallelism, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { verifyLedgers } from '@pos/hq-server/ledger/verify-ledgers';
import { storedValueEntries } from '@pos/hq-server/members/membership.tables';
import { startServer } from '@pos/hq-server/server';
import type { PairedDevice } from '@pos/shared';
import { and, eq, sql } from 'drizzle-orm';
import { seedFixture } from '../support/fixture';
import { addMember, pairTills, paymentId, setCardPin, topUp } from '../support/stored-value';
import { createPostgresDatabase } from '../support/test-db';
import { percentile, round } from './stats';

const TILLS = 20;
const ALONE_SPENDS = 200;
const PIN_SPENDS = 50;
/** Realistic load: each till spends once a second (20 a second in all), for this long. */
const SPEND_INTERVAL_MS = 1_000;
const REALISTIC_SECONDS = 20;
const SATURATION_SPENDS_PER_TILL = 100;
const TARGET_P95_MS = 30;

type Accepted = { paymentId: string; amountMinor: number };

/**
 * Stored-value authorisation (储值消费) as tills call it: over HTTP into HQ on a fresh PostgreSQL
 * database, every spend a real authorisation. Three ways: one till alone, one spend after the
 * other (the latency of the path itself); twenty tills each spending at a fixed pace, open loop
 * (the latency a till sees under a load far above a real chain's; the target is judged on this,
 * for cards of their own); twenty tills spending back to back, closed loop (how many spends a
 * second the machine takes at most; on a machine where the bench, HQ and PostgreSQL share the
 * cores its latencies are queueing, not the path). The last two on cards of their own and on one
 * shared card, whose account's lock makes its spends take turns. At the end every balance must
 * equal its ledger and every accepted spend be in the ledger once.
 */
export default async function storedValueBench(): Promise<Record<string, unknown>> {
  const loadAtStart = loadavg().map((l) => round(l));
  const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const database = await createPostgresDatabase(serverUrl);
  try {
    const f = await seedFixture(database);
    const tills = await pairTills(f, TILLS);
    const own: { id: string; cardNo: string }[] = [];
    for (let i = 0; i < TILLS; i++) own.push(await addMember(f));
    const shared = await addMember(f);
    const pinned = await addMember(f);
    await setCardPin(f, pinned.cardNo, '2468');
    for (const member of [...own, shared, pinned]) await topUp(f, tills[0]!.deviceToken, { cardNo: member.cardNo, amountMinor: 10_000_000 });
    await database.db.execute(sql`analyze`);
    const server = await startServer(f.deps, { port: 0, host: '127.0.0.1', staticDir: null });
    const accepted: Accepted[] = [];

    async function spend(till: PairedDevice, cardNo: string): Promise<void> {
      const body = { paymentId: paymentId(), saleId: paymentId(), cardNo, amountMinor: 1 + Math.floor(Math.random() * 500), ...(cardNo === pinned.cardNo ? { pin: '2468' } : {}) };
      const res = await fetch(`${server.url}/stored-value/spends`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${till.deviceToken}` }, body: JSON.stringify(body),
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`spend refused: ${res.status}`);
      accepted.push(body);
    }

    const figures = (latencies: number[], seconds: number) => ({
      spends: latencies.length,
      ms: { median: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), max: round(Math.max(...latencies)) },
      spendsPerSecond: Math.round(latencies.length / seconds),
    });

    /** Closed loop: each till sends its next spend as soon as the last is answered. */
    async function backToBack(active: PairedDevice[], cardFor: (till: number) => string, spends: number) {
      const latencies: number[] = [];
      const started = performance.now();
      await Promise.all(active.map(async (till, t) => {
        for (let i = 0; i < spends; i++) {
          const t0 = performance.now();
          await spend(till, cardFor(t));
          latencies.push(performance.now() - t0);
        }
      }));
      return figures(latencies, (performance.now() - started) / 1000);
    }

    /**
     * Open loop: each till spends on a fixed schedule, its first at a random moment of the first
     * interval, whether or not its last spend was answered; a latency counts from the moment the
     * spend was due, so a late timer counts against HQ too.
     */
    async function atPace(cardFor: (till: number) => string) {
      const latencies: number[] = [];
      const started = performance.now();
      await Promise.all(tills.map(async (till, t) => {
        const offset = Math.random() * SPEND_INTERVAL_MS;
        const inFlight: Promise<void>[] = [];
        for (let i = 0; i < (REALISTIC_SECONDS * 1000) / SPEND_INTERVAL_MS; i++) {
          const due = started + offset + i * SPEND_INTERVAL_MS;
          await sleep(Math.max(0, due - performance.now()));
          inFlight.push(spend(till, cardFor(t)).then(() => void latencies.push(performance.now() - due)));
        }
        await Promise.all(inFlight);
      }));
      return { ...figures(latencies, (performance.now() - started) / 1000), offeredPerSecond: (TILLS * 1000) / SPEND_INTERVAL_MS };
    }

    // A bare round trip to PostgreSQL, to read the figures against.
    const roundTrips: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t0 = performance.now();
      await database.db.execute(sql`select 1`);
      roundTrips.push(performance.now() - t0);
    }
    await backToBack(tills, (t) => own[t]!.cardNo, 5);
    const oneTillAlone = await backToBack(tills.slice(0, 1), () => own[0]!.cardNo, ALONE_SPENDS);
    const oneTillAloneWithPin = await backToBack(tills.slice(0, 1), () => pinned.cardNo, PIN_SPENDS);
    const realistic = { differentCards: await atPace((t) => own[t]!.cardNo), sharedCard: await atPace(() => shared.cardNo) };
    const saturation = {
      differentCards: await backToBack(tills, (t) => own[t]!.cardNo, SATURATION_SPENDS_PER_TILL),
      sharedCard: await backToBack(tills, () => shared.cardNo, SATURATION_SPENDS_PER_TILL),
    };
    const loadAtEnd = loadavg().map((l) => round(l));
    await server.close();
    const verified = await verifySpends(database.db, f.chainId, accepted);
    return {
      database: 'PostgreSQL', path: 'HTTP through the HQ server', tills: TILLS,
      machine: {
        cpus: availableParallelism(), loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadAtEnd,
        selectOneMs: { median: round(percentile(roundTrips, 50)), p95: round(percentile(roundTrips, 95)) },
        note: 'the bench client, HQ and PostgreSQL share these cores, with whatever else the machine runs',
      },
      cards: 'without a PIN, but for oneTillAloneWithPin (the PIN is checked before the lock: one scrypt hash a spend)',
      oneTillAlone, oneTillAloneWithPin,
      realisticLoad: { pace: `each till spends once every ${SPEND_INTERVAL_MS} ms, open loop, for ${REALISTIC_SECONDS} s; latency from the moment a spend was due`, ...realistic },
      saturation: { pace: `each till sends its next spend as soon as the last is answered (closed loop), ${SATURATION_SPENDS_PER_TILL} each; spendsPerSecond is the capacity, the latencies are queueing`, ...saturation },
      verified,
      target: { differentCardsP95Ms: TARGET_P95_MS, judgedOn: 'realisticLoad.differentCards', met: realistic.differentCards.ms.p95 <= TARGET_P95_MS },
    };
  } finally {
    await database.close();
  }
}

/** Every balance equals its ledger, and every accepted spend is in the ledger once, with its amount. */
async function verifySpends(db: Parameters<typeof verifyLedgers>[0], chainId: string, accepted: Accepted[]) {
  const ledgers = await verifyLedgers(db);
  if (!ledgers.ok) throw new Error('a balance differs from its ledger after the bench');
  const entries = await db.select({ paymentId: storedValueEntries.paymentId, amountMinor: storedValueEntries.amountMinor })
    .from(storedValueEntries).where(and(eq(storedValueEntries.chainId, chainId), eq(storedValueEntries.kind, 'spend')));
  const inLedger = new Map(entries.map((e) => [e.paymentId, -e.amountMinor]));
  if (entries.length !== accepted.length || inLedger.size !== accepted.length || accepted.some((a) => inLedger.get(a.paymentId) !== a.amountMinor)) {
    throw new Error(`the ledger holds ${entries.length} spends for ${accepted.length} accepted`);
  }
  return { ledgerAccounts: ledgers.ledgers[0]!.accounts, differences: 0, acceptedSpends: accepted.length, spendsInLedger: entries.length };
}
