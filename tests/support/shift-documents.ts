import { randomBytes } from 'node:crypto';
import { minor, shiftTotals, uuidv7, type CashMovement, type PairedDevice, type Sale, type ShiftClose, type ShiftOpen } from '@pos/shared';
import type { Fixture } from './fixture';

const newDocumentId = (at: Date) => uuidv7(at.getTime(), randomBytes(10));

/** A shift opened on the till by the clerk with `code`, with its float. */
export function makeShiftOpen(f: Fixture, till: PairedDevice, cashierCode: string, floatMinor = 50_000, at = f.deps.clock()): ShiftOpen {
  return {
    kind: 'shift_open', id: newDocumentId(at), storeId: till.store.id, deviceId: till.device.id, completedAt: at.toISOString(),
    cashierId: f.clerkIds[cashierCode]!, currency: till.store.currency, floatMinor: minor(floatMinor), denominations: null,
  };
}

/** Cash in or out of the shift with one of the chain's reasons. */
export function makeCashMovement(f: Fixture, shift: ShiftOpen, reasonId: string, direction: 'in' | 'out', amountMinor: number, at = f.deps.clock()): CashMovement {
  return {
    kind: 'cash_movement', id: newDocumentId(at), storeId: shift.storeId, deviceId: shift.deviceId, completedAt: at.toISOString(), shiftId: shift.id,
    cashierId: shift.cashierId, direction, reasonId, amountMinor: minor(amountMinor), note: null, approval: null,
  };
}

/** The close of the shift with its figures from these documents, counted `countedMinor`. */
export function makeShiftClose(shift: ShiftOpen, sales: Sale[], movements: CashMovement[], countedMinor: number, at: Date): ShiftClose {
  const totals = shiftTotals({ floatMinor: shift.floatMinor, sales, movements });
  return {
    kind: 'shift_close', id: newDocumentId(at), storeId: shift.storeId, deviceId: shift.deviceId, completedAt: at.toISOString(), shiftId: shift.id,
    cashierId: shift.cashierId, openedAt: shift.completedAt, countedCashMinor: minor(countedMinor), denominations: null,
    expectedCashMinor: totals.expectedCashMinor, differenceMinor: minor(countedMinor - totals.expectedCashMinor), totals, approval: null,
  };
}
