import { saleLines, sales } from '@pos/hq-server/sales/sales.tables';
import { storeDaySales } from '@pos/hq-server/reports/reports.tables';
import { stockMovements } from '@pos/hq-server/stock/stock.tables';
import { PushResponse, type PairedDevice, type PushResult, type Sale } from '@pos/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededFixture, json, makeSale, pairTill, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
const tills: { till: PairedDevice; cashier: string }[] = [];

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  for (const [store, cashier] of [['S001', '0012'], ['S002', '0022'], ['S003', '0032']] as const) {
    for (const index of [0, 1]) tills.push({ till: await pairTill(f, store, index), cashier });
  }
});
afterAll(() => database.close());

async function push(till: PairedDevice, documents: Sale[]): Promise<PushResult[]> {
  const res = await f.app.request('/sync/push', json({ documents }, till.deviceToken));
  expect(res.status).toBe(200);
  return PushResponse.parse(await res.json()).results;
}

const units = (docs: Sale[]) => docs.reduce((n, s) => n + s.lines.reduce((m, l) => m + l.quantity, 0), 0);

describe('many tills pushing at once (sales written together)', () => {
  it('answers each push with its own outcomes, keeps each sale once, and rejects only the push whose document cannot be stored', async () => {
    const stored = makeSale(f, tills[0]!.till, tills[0]!.cashier, { lines: 1 });
    expect((await push(tills[0]!.till, [stored])).map((r) => r.status)).toEqual(['accepted']);

    // Twelve pushes at once: two from each of six tills in three stores, one to three sales each.
    const pushes = tills.flatMap(({ till, cashier }) => [0, 1].map(() => ({ till, documents: Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => makeSale(f, till, cashier)) })));
    // A till resending, in a push of its own, a sale it is pushing at that moment.
    const resent = pushes[2]!.documents[0]!;
    pushes.push({ till: pushes[2]!.till, documents: [resent] });
    // A sale reusing a stored sale's line id: HQ cannot store it, and it must cost no other push anything.
    const reusedLine = makeSale(f, tills[0]!.till, tills[0]!.cashier, { lines: 1 });
    reusedLine.lines[0]!.id = stored.lines[0]!.id;
    const good = makeSale(f, tills[0]!.till, tills[0]!.cashier);
    pushes.push({ till: tills[0]!.till, documents: [reusedLine, good] });

    const answers = await Promise.all(pushes.map(({ till, documents }) => push(till, documents)));

    answers.forEach((results, i) => expect(results.map((r) => r.id)).toEqual(pushes[i]!.documents.map((d) => d.id)));
    const resentAnswers = [answers[2]![0]!.status, answers[12]![0]!.status].sort();
    expect(resentAnswers).toEqual(['accepted', 'duplicate']);
    expect(answers[13]!.map((r) => r.status)).toEqual(['rejected', 'accepted']);
    expect(answers[13]![0]!.reason).toMatchObject({ code: 'CONFLICT' });
    const others = answers.slice(0, 12).flat().filter((r) => r.id !== resent.id);
    expect(others.every((r) => r.status === 'accepted')).toBe(true);

    const taken = [stored, ...pushes.slice(0, 12).flatMap((p) => p.documents), good];
    const [held] = await f.deps.db.select({ n: sql<number>`count(*)::int`, distinct: sql<number>`count(distinct id)::int`, total: sql<string>`sum(total_minor)::text` }).from(sales);
    expect(held).toEqual({ n: taken.length, distinct: taken.length, total: String(taken.reduce((n, s) => n + s.totalMinor, 0)) });
    const [lines] = await f.deps.db.select({ n: sql<number>`count(*)::int` }).from(saleLines);
    expect(lines!.n).toBe(taken.reduce((n, s) => n + s.lines.length, 0));
    const [moved] = await f.deps.db.select({ units: sql<number>`-sum(delta)::int` }).from(stockMovements).where(eq(stockMovements.reason, 'sale'));
    expect(moved!.units).toBe(units(taken));
    const days = await f.deps.db.select({ storeId: storeDaySales.storeId, tickets: storeDaySales.tickets, sales: storeDaySales.salesMinor }).from(storeDaySales);
    for (const storeId of new Set(taken.map((s) => s.storeId))) {
      const ofStore = taken.filter((s) => s.storeId === storeId);
      const day = days.filter((d) => d.storeId === storeId);
      expect({ tickets: day.reduce((n, d) => n + Number(d.tickets), 0), sales: day.reduce((n, d) => n + Number(d.sales), 0) })
        .toEqual({ tickets: ofStore.length, sales: ofStore.reduce((n, s) => n + s.totalMinor, 0) });
    }
  });
});
