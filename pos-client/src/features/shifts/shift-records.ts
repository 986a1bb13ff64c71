import {
  CashMovement, ShiftClose, ShiftOpen, minor, shiftTotals, uuidv7,
  type DenominationCount, type SaleApproval, type ShiftApproval, type ShiftTotals,
} from '@pos/shared';
import type { TillDb, TillShift } from '../../db/till-db';
import { enqueueDocument } from '../../sync/enqueue-document';

export interface ShiftDeps {
  db: TillDb;
  now: () => Date;
  randomBytes: (length: number) => Uint8Array;
}

/** Cash as the cashier counted it: a total, or notes and coins by face value (then the total is theirs). */
export interface CashCount {
  totalMinor: number;
  denominations: DenominationCount[] | null;
}

export type ShiftResult<T> = { ok: true; value: T } | { ok: false; code: 'NOT_READY' | 'SHIFT_OPEN' | 'NO_OPEN_SHIFT' };

const newId = ({ now, randomBytes }: ShiftDeps, at = now()) => uuidv7(at.getTime(), randomBytes(10));

/** A key gate's approval as a shift document keeps it: no line. */
export const shiftApprovalOf = (approval: SaleApproval | null): ShiftApproval | null =>
  approval && { id: approval.id, key: approval.key, requestedBy: approval.requestedBy, approvedBy: approval.approvedBy, at: approval.at };

/** The till's open shift, if there is one. */
export async function openShiftOf(db: TillDb): Promise<TillShift | null> {
  const open = await db.getMeta('openShift');
  return (open && (await db.shifts.get(open.id))) ?? null;
}

/**
 * Opens a shift on this till for the signed-in clerk with the float they counted: the shift,
 * the till's pointer to it and the `shift_open` document for HQ in one transaction.
 */
export async function openShift(deps: ShiftDeps, float: CashCount): Promise<ShiftResult<TillShift>> {
  const { db } = deps;
  return db.transaction('rw', [db.meta, db.shifts, db.outbox], async () => {
    const pairing = await db.getMeta('pairing');
    const session = await db.getMeta('session');
    if (!pairing || !session) return { ok: false, code: 'NOT_READY' } as const;
    if (await openShiftOf(db)) return { ok: false, code: 'SHIFT_OPEN' } as const;
    const at = deps.now();
    const open = ShiftOpen.parse({
      kind: 'shift_open', id: newId(deps, at), storeId: pairing.store.id, deviceId: pairing.device.id, completedAt: at.toISOString(),
      cashierId: session.clerkId, currency: pairing.store.currency, floatMinor: float.totalMinor, denominations: float.denominations,
    });
    const shift: TillShift = { id: open.id, open, close: null };
    await db.shifts.add(shift);
    await db.putMeta('openShift', { id: shift.id });
    await enqueueDocument(db, open);
    return { ok: true, value: shift } as const;
  });
}

/** Cash put in or taken out of the open shift's drawer, with its reason; the document is queued with it. */
export async function recordCashMovement(
  deps: ShiftDeps,
  movement: { direction: 'in' | 'out'; reasonId: string; amountMinor: number; note: string | null; approval: SaleApproval | null },
): Promise<ShiftResult<CashMovement>> {
  const { db } = deps;
  return db.transaction('rw', [db.meta, db.shifts, db.cashMovements, db.outbox], async () => {
    const session = await db.getMeta('session');
    const shift = await openShiftOf(db);
    if (!session) return { ok: false, code: 'NOT_READY' } as const;
    if (!shift) return { ok: false, code: 'NO_OPEN_SHIFT' } as const;
    const at = deps.now();
    const document = CashMovement.parse({
      kind: 'cash_movement', id: newId(deps, at), storeId: shift.open.storeId, deviceId: shift.open.deviceId, completedAt: at.toISOString(),
      shiftId: shift.id, cashierId: session.clerkId, direction: movement.direction, reasonId: movement.reasonId, amountMinor: movement.amountMinor,
      note: movement.note, approval: shiftApprovalOf(movement.approval),
    });
    await db.cashMovements.add(document);
    await enqueueDocument(db, document);
    return { ok: true, value: document } as const;
  });
}

/** The shift's figures so far from the till's own journals of sales and returns, and its movements. */
export async function shiftTotalsOf(db: TillDb, shift: TillShift): Promise<ShiftTotals> {
  const sales = await db.journal.where('completedAt').aboveOrEqual(shift.open.completedAt).filter((sale) => sale.shiftId === shift.id).toArray();
  const returns = await db.returns.where('completedAt').aboveOrEqual(shift.open.completedAt).filter((doc) => doc.shiftId === shift.id).toArray();
  const movements = await db.cashMovements.where('shiftId').equals(shift.id).toArray();
  return shiftTotals({ floatMinor: shift.open.floatMinor, sales, movements, refunds: returns });
}

/**
 * Closes the open shift with the cashier's blind count: its figures are taken at this instant,
 * inside the transaction, so no sale can slip between the count and the close. The till has
 * no open shift afterwards; the `shift_close` document carries the Z figures to HQ.
 */
export async function closeShift(deps: ShiftDeps, count: CashCount, approval: SaleApproval | null): Promise<ShiftResult<TillShift>> {
  const { db } = deps;
  return db.transaction('rw', [db.meta, db.shifts, db.journal, db.returns, db.cashMovements, db.outbox], async () => {
    const session = await db.getMeta('session');
    const shift = await openShiftOf(db);
    if (!session) return { ok: false, code: 'NOT_READY' } as const;
    if (!shift) return { ok: false, code: 'NO_OPEN_SHIFT' } as const;
    const totals = await shiftTotalsOf(db, shift);
    const at = deps.now();
    const close = ShiftClose.parse({
      kind: 'shift_close', id: newId(deps, at), storeId: shift.open.storeId, deviceId: shift.open.deviceId, completedAt: at.toISOString(),
      shiftId: shift.id, cashierId: session.clerkId, openedAt: shift.open.completedAt, countedCashMinor: count.totalMinor,
      denominations: count.denominations, expectedCashMinor: totals.expectedCashMinor,
      differenceMinor: minor(count.totalMinor - totals.expectedCashMinor), totals, approval: shiftApprovalOf(approval),
      documentsWaiting: await db.outbox.where('state').equals('pending').count(),
    });
    const closed: TillShift = { ...shift, close };
    await db.shifts.put(closed);
    await db.meta.delete('openShift');
    await enqueueDocument(db, close);
    return { ok: true, value: closed } as const;
  });
}
