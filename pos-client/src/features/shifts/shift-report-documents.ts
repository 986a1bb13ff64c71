import { shiftXReport, shiftZReport, uuidv7, type PairedDevice, type ShiftTotals } from '@pos/shared';
import type { ShiftXReportDocument, ShiftZReportDocument } from '@pos/shared/receipt/index';
import type { TillDb, TillShift } from '../../db/till-db';
import { toStoreLocalIso } from '../sales/store-local-iso';
import type { ShiftDeps } from './shift-records';

async function contextOf(db: TillDb, store: PairedDevice['store'], shift: TillShift) {
  const name = store.nameZh === store.nameEn ? store.nameZh : `${store.nameZh} ${store.nameEn}`;
  const cashier = await db.clerks.get(shift.open.cashierId);
  return {
    store: { name: name.slice(0, 80), address: null, phone: null },
    cashierName: cashier ? `${cashier.name} (${cashier.code})` : '',
    openedAt: toStoreLocalIso(shift.open.completedAt, store.timeZone),
  };
}

/** The X report of the open shift as it stands; each print is a job of its own. */
export async function xReportDocument(deps: ShiftDeps, store: PairedDevice['store'], shift: TillShift, totals: ShiftTotals): Promise<ShiftXReportDocument> {
  const at = deps.now();
  return shiftXReport(uuidv7(at.getTime(), deps.randomBytes(10)), await contextOf(deps.db, store, shift), totals, toStoreLocalIso(at.toISOString(), store.timeZone));
}

/** The Z report of a closed shift, from its close document: printing it again prints the same job. */
export async function zReportDocument(db: TillDb, store: PairedDevice['store'], shift: TillShift): Promise<ShiftZReportDocument | null> {
  if (!shift.close) return null;
  return shiftZReport(shift.close, await contextOf(db, store, shift), toStoreLocalIso(shift.close.completedAt, store.timeZone));
}
