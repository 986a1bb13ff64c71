import { useState } from 'react';
import type { CashReason, PairedDevice, SaleApproval, ShiftTotals } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import type { ClerkSignIn, TillShift } from '../../db/till-db';
import { useLiveQuery } from '../../db/use-live-query';
import { useKeyGate } from '../permissions/use-key-gate';
import { closeShift, openShift, openShiftOf, recordCashMovement, shiftTotalsOf, type CashCount } from './shift-records';
import { xReportDocument, zReportDocument } from './shift-report-documents';
import { useShiftReports } from './use-shift-reports';

/** A dialog of the shift: cash in or out (with the approval that let it), or the blind count of the close. */
export type ShiftDialog = { kind: 'cash'; approval: SaleApproval | null } | { kind: 'close'; approval: SaleApproval | null } | null;

/**
 * The till's shift for the signed-in clerk: the open shift (live, so every tab agrees), the
 * chain's cash reasons, and the shift's actions. Cash in/out and close go through the key
 * gate first; a manager's approval is kept on the document it allowed.
 */
export function useTillShift(pairing: PairedDevice, session: ClerkSignIn) {
  const services = useTillServices();
  const { db } = services;
  const live = useLiveQuery(async () => ({
    shift: await openShiftOf(db),
    reasons: (await db.cashReasons.toArray()).sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code)),
  }), [db]);
  const { gate, asking } = useKeyGate(pairing.store.id, { clerkId: session.clerkId, role: session.role });
  const reports = useShiftReports();
  const [dialog, setDialog] = useState<ShiftDialog>(null);
  const [refused, setRefused] = useState<'cash_in_out' | 'shift_close' | null>(null);
  const [justClosed, setJustClosed] = useState<{ shift: TillShift; totals: ShiftTotals } | null>(null);

  async function ask(key: 'cash_in_out' | 'shift_close'): Promise<void> {
    setRefused(null);
    const outcome = await gate.request({ key });
    if (!outcome.ok) {
      if (outcome.reason === 'forbidden') setRefused(key);
      return;
    }
    setDialog({ kind: key === 'cash_in_out' ? 'cash' : 'close', approval: outcome.approval });
  }

  async function printX(): Promise<void> {
    const shift = live?.shift;
    if (!shift) return;
    await reports.print(await xReportDocument(services, pairing.store, shift, await shiftTotalsOf(db, shift)));
  }

  async function close(count: CashCount): Promise<boolean> {
    const result = await closeShift(services, count, dialog?.kind === 'close' ? dialog.approval : null);
    if (!result.ok || !result.value.close) return false;
    setDialog(null);
    setJustClosed({ shift: result.value, totals: result.value.close.totals });
    const z = await zReportDocument(db, pairing.store, result.value);
    if (z) await reports.print(z);
    return true;
  }

  return {
    loading: live === undefined,
    shift: live?.shift ?? null,
    reasons: (live?.reasons ?? []) as CashReason[],
    gate, asking, dialog, refused, reports, justClosed,
    open: (count: CashCount) => openShift(services, count),
    askCash: () => void ask('cash_in_out'),
    askClose: () => void ask('shift_close'),
    /** A dialog closed itself: it goes, unless the other opened meanwhile (see the sell screen's `closeDialog`). */
    closeDialog: (kind: 'cash' | 'close') => setDialog((shown) => (shown?.kind === kind ? null : shown)),
    moveCash: async (movement: { direction: 'in' | 'out'; reasonId: string; amountMinor: number; note: string | null }) => {
      const result = await recordCashMovement(services, { ...movement, approval: dialog?.kind === 'cash' ? dialog.approval : null });
      if (result.ok) setDialog(null);
      return result.ok;
    },
    close,
    printX: () => void printX(),
    reprintZ: async () => {
      const z = justClosed && (await zReportDocument(db, pairing.store, justClosed.shift));
      if (z) await reports.print(z);
    },
    dismissClosed: () => {
      setJustClosed(null);
      reports.clear();
    },
  };
}

export type TillShiftState = ReturnType<typeof useTillShift>;
