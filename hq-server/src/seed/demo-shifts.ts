import { businessDate, minor, shiftTotals, type CashReason, type Tender } from '@pos/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Deps } from '../http/app-env';
import { newId, type Clock } from '../ids';
import { clerks, stores, tillDevices } from '../org/org.tables';
import { salePayments, sales } from '../sales/sales.tables';
import { cashMovements, cashReasons, shiftCloses, shifts } from '../shifts/shifts.tables';

/** The chain's reasons for cash in and out (收支类别); `TOPUP` is the one a till records a member's cash top-up under. */
export const demoCashReasons: Omit<CashReason, 'id' | 'active'>[] = [
  { code: 'FLOAT', nameZh: '零钱补充', nameEn: 'Change float top-up', direction: 'in', sortOrder: 10 },
  { code: 'PETTY', nameZh: '零星开支', nameEn: 'Petty cash', direction: 'out', sortOrder: 20 },
  { code: 'DEPOSIT', nameZh: '银行存款', nameEn: 'Bank deposit', direction: 'out', sortOrder: 30 },
  { code: 'SAFE', nameZh: '中途解款', nameEn: 'Safe drop', direction: 'out', sortOrder: 40 },
  { code: 'TOPUP', nameZh: '会员充值', nameEn: 'Member top-up', direction: 'in', sortOrder: 50 },
  { code: 'OTHER', nameZh: '其他收支', nameEn: 'Other', direction: 'both', sortOrder: 90 },
];

export async function seedDemoCashReasons(db: Pick<Db, 'insert'>, clock: Clock, chainId: string): Promise<void> {
  await db.insert(cashReasons).values(demoCashReasons.map((r) => ({ chainId, id: newId(clock), ...r })));
}

const at = (day: string, time: string) => new Date(`${day}T${time}+08:00`);

/**
 * Two shifts at S001: yesterday's on its first till, closed with the day's sales of that till,
 * a bank deposit and a count two yuan short; and one open since this morning on its second
 * till with a float top-up, so the office shows both states.
 */
export async function seedDemoShifts({ db, clock }: Deps, chainId: string): Promise<void> {
  const [store] = await db.select({ id: stores.id, timeZone: stores.timeZone }).from(stores).where(and(eq(stores.chainId, chainId), eq(stores.code, 'S001')));
  if (!store) return;
  const tills = await db.select({ id: tillDevices.id }).from(tillDevices).where(and(eq(tillDevices.chainId, chainId), eq(tillDevices.storeId, store.id))).orderBy(asc(tillDevices.code));
  const people = await db.select({ id: clerks.id, code: clerks.code }).from(clerks).where(and(eq(clerks.chainId, chainId), inArray(clerks.code, ['0011', '0012', '0013'])));
  const clerk = (code: string) => people.find((p) => p.code === code)!.id;
  const reasons = await db.select({ id: cashReasons.id, code: cashReasons.code }).from(cashReasons).where(eq(cashReasons.chainId, chainId));
  const reason = (code: string) => reasons.find((r) => r.code === code)!.id;
  const today = businessDate(clock(), store.timeZone);
  const yesterday = businessDate(new Date(clock().getTime() - 86_400_000), store.timeZone);
  const id = () => newId(clock);

  const closedId = id();
  const daySales = await db.select({ id: sales.id, subtotalMinor: sales.subtotalMinor, discountMinor: sales.discountMinor, roundingMinor: sales.roundingMinor, itemCount: sales.itemCount })
    .from(sales).where(and(eq(sales.chainId, chainId), eq(sales.deviceId, tills[0]!.id), eq(sales.businessDate, yesterday)));
  const payments = daySales.length
    ? await db.select({ saleId: salePayments.saleId, tender: salePayments.tender, amountMinor: salePayments.amountMinor }).from(salePayments)
      .where(and(eq(salePayments.chainId, chainId), inArray(salePayments.saleId, daySales.map((s) => s.id))))
    : [];
  const deposit = { direction: 'out' as const, amountMinor: 30_000 };
  const totals = shiftTotals({
    floatMinor: 50_000,
    sales: daySales.map((s) => ({ ...s, lines: [{ quantity: s.itemCount }], payments: payments.filter((p) => p.saleId === s.id).map((p) => ({ tender: p.tender as Tender, amountMinor: p.amountMinor })) })),
    movements: [deposit],
  });
  const counted = totals.expectedCashMinor - 200;
  const receivedAt = clock();
  await db.transaction(async (tx) => {
    await tx.insert(shifts).values({
      chainId, id: closedId, storeId: store.id, deviceId: tills[0]!.id, cashierId: clerk('0012'), businessDate: yesterday, currency: 'CNY',
      openedAt: at(yesterday, '08:00:00'), floatMinor: 50_000, denominations: null, receivedAt,
    });
    if (daySales.length) await tx.update(sales).set({ shiftId: closedId }).where(and(eq(sales.chainId, chainId), inArray(sales.id, daySales.map((s) => s.id))));
    await tx.insert(cashMovements).values({
      chainId, id: id(), shiftId: closedId, storeId: store.id, deviceId: tills[0]!.id, cashierId: clerk('0012'), direction: deposit.direction,
      reasonId: reason('DEPOSIT'), amountMinor: deposit.amountMinor, note: '工商银行 ICBC', approval: null, at: at(yesterday, '15:00:00'), receivedAt,
    });
    await tx.insert(shiftCloses).values({
      chainId, id: id(), shiftId: closedId, storeId: store.id, deviceId: tills[0]!.id, closedBy: clerk('0012'), closedAt: at(yesterday, '22:00:00'),
      countedCashMinor: minor(counted), expectedCashMinor: totals.expectedCashMinor, differenceMinor: minor(counted - totals.expectedCashMinor),
      denominations: null, totals, approval: null, receivedAt,
    });
    const openId = id();
    await tx.insert(shifts).values({
      chainId, id: openId, storeId: store.id, deviceId: tills[1]!.id, cashierId: clerk('0013'), businessDate: today, currency: 'CNY',
      openedAt: at(today, '08:00:00') < clock() ? at(today, '08:00:00') : clock(), floatMinor: 30_000, denominations: null, receivedAt,
    });
    await tx.insert(cashMovements).values({
      chainId, id: id(), shiftId: openId, storeId: store.id, deviceId: tills[1]!.id, cashierId: clerk('0013'), direction: 'in',
      reasonId: reason('FLOAT'), amountMinor: 10_000, note: null, approval: null, at: clock(), receivedAt,
    });
  });
}
