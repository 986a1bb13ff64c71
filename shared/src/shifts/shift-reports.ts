import { minor } from '../money/money';
import type { ShiftXReportDocument, ShiftZReportDocument } from '../receipt/receipt-documents.schemas';
import type { ShiftClose, ShiftTotals } from '../schemas/shifts';

/** The receipt header of the store a report is printed in. */
export interface ReportStore {
  name: string;
  address: string | null;
  phone: string | null;
}

/** What both reports print besides their figures: where, who, since when. Times as the store's local ISO. */
export interface ReportContext {
  store: ReportStore;
  cashierName: string;
  openedAt: string;
}

function figures(totals: ShiftTotals) {
  return {
    ticketCount: totals.ticketCount,
    grossMinor: totals.grossMinor,
    discountMinor: totals.discountMinor,
    roundingMinor: totals.roundingMinor,
    refundsMinor: totals.refundsMinor,
    netMinor: totals.netMinor,
    byTender: totals.byTender.map(({ tender, amountMinor }) => ({ tender, amountMinor })),
    floatMinor: totals.floatMinor,
    cashInMinor: totals.cashInMinor,
    cashOutMinor: totals.cashOutMinor,
    expectedCashMinor: totals.expectedCashMinor,
  };
}

const header = ({ store, cashierName, openedAt }: ReportContext) => ({ store, cashierName: cashierName.slice(0, 40) || '—', openedAt });

/** The X report (班中报表): the shift's figures so far; `id` is the print job's, so a second print is a new job. */
export function shiftXReport(id: string, context: ReportContext, totals: ShiftTotals, printedAt: string): ShiftXReportDocument {
  return { kind: 'shift_x_report', id, ...header(context), printedAt, ...figures(totals) };
}

/** The Z report (日结) of a closed shift: its figures as closed, the cash counted and so the difference. */
export function shiftZReport(close: Pick<ShiftClose, 'id' | 'totals' | 'countedCashMinor'>, context: ReportContext, closedAt: string): ShiftZReportDocument {
  return { kind: 'shift_z_report', id: close.id, ...header(context), closedAt, ...figures(close.totals), countedCashMinor: minor(close.countedCashMinor) };
}
