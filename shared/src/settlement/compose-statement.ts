import { minor, scaleMinor } from '../money/money';
import type { StatementFigure, StatementLineKind, StatementTotals } from '../schemas/franchise-statements';
import { figureDirection, figuresLess, noFigures, STATEMENT_FIGURES, type Figures } from './statement-figures';

/** Net sales of one store over the days of the period it belonged to the franchisee. */
export interface StoreSales {
  storeId: string;
  from: string;
  to: string;
  netSalesMinor: number;
}

/** A store's stored value over the period, from the ledger entries that name the franchisee. */
export interface StoreStoredValue {
  storeId: string;
  toppedUpMinor: number;
  spentMinor: number;
  paidOutMinor: number;
  receivablesPaidMinor: number;
}

/** Goods that changed owner between HQ (or another franchisee) and one of the franchisee's stores, valued at what arrived. */
export interface GoodsDocument {
  kind: 'shipment' | 'transfer_in' | 'transfer_out';
  documentId: string;
  documentNo: string;
  storeId: string;
  /** The other store of a transfer; null for a shipment from HQ's centre. */
  otherStoreId: string | null;
  /** The business day it was received. */
  date: string;
  valueMinor: number;
}

/** An approved statement's period: its figures as they stand now, and what approved statements fixed of it. */
export interface EarlierPeriod {
  periodKey: string;
  from: string;
  royaltyRateBp: number;
  current: Figures;
  fixed: Figures;
}

/** A fee or an adjustment HQ entered, with its reason. */
export interface EnteredLine {
  id: string;
  kind: 'fee' | 'adjustment';
  amountMinor: number;
  reason: string;
}

export interface StatementInputs {
  royaltyRateBp: number;
  sales: readonly StoreSales[];
  goods: readonly GoodsDocument[];
  storedValue: readonly StoreStoredValue[];
  earlier: readonly EarlierPeriod[];
  entered: readonly EnteredLine[];
}

/** One line of the statement; `amountMinor` is positive when the franchisee owes it to HQ, negative when HQ owes it. */
export interface ComposedLine {
  kind: StatementLineKind;
  amountMinor: number;
  /** What the amount was worked out from: net sales for a royalty, the figure's change for a late line. */
  baseMinor: number | null;
  rateBp: number | null;
  figure: StatementFigure | null;
  /** The earlier period a late line is about. */
  periodKey: string | null;
  storeId: string | null;
  otherStoreId: string | null;
  documentId: string | null;
  documentNo: string | null;
  date: string | null;
  enteredId: string | null;
  reason: string | null;
}

export interface ComposedStatement {
  figures: Figures;
  lines: ComposedLine[];
  totals: StatementTotals;
  /** Positive: the franchisee pays HQ; negative: HQ pays the franchisee. */
  netMinor: number;
  /** What approving it fixes, per period by its first day: this period's figures, and each earlier period's difference it bills. */
  fixes: { periodFrom: string; figures: Partial<Figures> }[];
}

const blank = { baseMinor: null, rateBp: null, figure: null, periodKey: null, storeId: null, otherStoreId: null, documentId: null, documentNo: null, date: null, enteredId: null, reason: null };
const royaltyOn = (netSalesMinor: number, rateBp: number) => scaleMinor(minor(netSalesMinor), rateBp, 10_000);
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** A period's figures from its sources: net sales, goods that changed owner, stored value. */
export function figuresOfPeriod(inputs: Pick<StatementInputs, 'sales' | 'goods' | 'storedValue'>): Figures {
  const figures = noFigures();
  figures.net_sales = sum(inputs.sales.map((s) => s.netSalesMinor));
  figures.goods_supplied = sum(inputs.goods.filter((g) => g.kind !== 'transfer_out').map((g) => g.valueMinor));
  figures.goods_returned = sum(inputs.goods.filter((g) => g.kind === 'transfer_out').map((g) => g.valueMinor));
  figures.stored_value_topped_up = sum(inputs.storedValue.map((s) => s.toppedUpMinor));
  figures.stored_value_spent = sum(inputs.storedValue.map((s) => s.spentMinor));
  figures.stored_value_paid_out = sum(inputs.storedValue.map((s) => s.paidOutMinor));
  figures.stored_value_receivables_paid = sum(inputs.storedValue.map((s) => s.receivablesPaidMinor));
  return figures;
}

const storedValueFigures = ['stored_value_topped_up', 'stored_value_spent', 'stored_value_paid_out', 'stored_value_receivables_paid'] as const;

/** Each earlier period's figures that changed since approved statements fixed them, as lines: royalty on late net sales at that statement's rate. */
function lateLines(earlier: readonly EarlierPeriod[]): { lines: ComposedLine[]; fixes: ComposedStatement['fixes'] } {
  const lines: ComposedLine[] = [];
  const fixes: ComposedStatement['fixes'] = [];
  for (const period of [...earlier].sort((a, b) => a.from.localeCompare(b.from))) {
    const late = figuresLess(period.current, period.fixed);
    const changed = STATEMENT_FIGURES.filter((f) => late[f] !== 0);
    if (changed.length === 0) continue;
    fixes.push({ periodFrom: period.from, figures: Object.fromEntries(changed.map((f) => [f, late[f]])) });
    for (const figure of changed) {
      const amountMinor = figure === 'net_sales' ? royaltyOn(late[figure], period.royaltyRateBp) : figureDirection[figure] * late[figure];
      lines.push({ ...blank, kind: 'late', amountMinor, baseMinor: late[figure], rateBp: figure === 'net_sales' ? period.royaltyRateBp : null, figure, periodKey: period.periodKey });
    }
  }
  return { lines, fixes };
}

/**
 * A franchise statement from its inputs: the royalty on the period's net sales, the goods that
 * changed owner (supplied less returned), stored value the franchisee's stores took in less what
 * they gave out, late lines for what reached HQ after earlier periods were approved, and HQ's fees
 * and adjustments. Pure: the same inputs always give the same statement.
 */
export function composeStatement(inputs: StatementInputs, periodFrom: string): ComposedStatement {
  const figures = figuresOfPeriod(inputs);
  const goods = [...inputs.goods].sort((a, b) => a.date.localeCompare(b.date) || a.documentNo.localeCompare(b.documentNo));
  const late = lateLines(inputs.earlier);
  const lines: ComposedLine[] = [
    { ...blank, kind: 'royalty', amountMinor: royaltyOn(figures.net_sales, inputs.royaltyRateBp), baseMinor: figures.net_sales, rateBp: inputs.royaltyRateBp, figure: 'net_sales' },
    ...goods.map((g): ComposedLine => ({
      ...blank, kind: g.kind === 'transfer_out' ? 'goods_returned' : 'goods_supplied', amountMinor: (g.kind === 'transfer_out' ? -1 : 1) * g.valueMinor,
      figure: g.kind === 'transfer_out' ? 'goods_returned' : 'goods_supplied', storeId: g.storeId, otherStoreId: g.otherStoreId, documentId: g.documentId, documentNo: g.documentNo, date: g.date,
    })),
    ...storedValueFigures.filter((f) => figures[f] !== 0).map((figure): ComposedLine => ({ ...blank, kind: 'stored_value', amountMinor: figureDirection[figure] * figures[figure], figure })),
    ...late.lines,
    ...inputs.entered.map((e): ComposedLine => ({ ...blank, kind: e.kind, amountMinor: e.amountMinor, enteredId: e.id, reason: e.reason })),
  ];
  const totalOf = (...kinds: StatementLineKind[]) => sum(lines.filter((l) => kinds.includes(l.kind)).map((l) => l.amountMinor));
  const totals: StatementTotals = {
    royaltyMinor: totalOf('royalty'), goodsMinor: totalOf('goods_supplied', 'goods_returned'), storedValueMinor: totalOf('stored_value'),
    lateMinor: totalOf('late'), feesMinor: totalOf('fee'), adjustmentsMinor: totalOf('adjustment'),
  };
  return { figures, lines, totals, netMinor: sum(lines.map((l) => l.amountMinor)), fixes: [{ periodFrom, figures }, ...late.fixes] };
}
