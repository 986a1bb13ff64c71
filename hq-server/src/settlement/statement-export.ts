import type { FranchiseStatement, StatementFigure, StatementLine } from '@pos/shared';
import { csvField, yuanText } from '../reports/csv';
import { addSheet, dayCell, workbookBytes, yuan, type Cell } from '../reports/workbook';

export type ExportLanguage = 'zh' | 'en';

const words = {
  zh: {
    sheet: '结算单', stores: '门店', about: '说明', line: '项目', store: '门店', otherStore: '对方门店', document: '单据', date: '日期', base: '基数', rate: '费率', amount: '金额',
    royalty: '特许权使用费（净销售额）', goods_supplied: '配货及调入', goods_returned: '退回及调出', fee: '费用', adjustment: '调整',
    from: '起', to: '止', netSales: '净销售额', toppedUp: '储值充值', spent: '储值消费', paidOut: '注销退款', receivablesPaid: '应收储值已收回',
    no: '单号', franchisee: '加盟商', period: '结算期', status: '状态', draft: '草稿', approved: '已审核', preview: '预览', approvedAt: '审核时间',
    totals: { royaltyMinor: '使用费合计', goodsMinor: '货款合计', storedValueMinor: '储值合计', lateMinor: '迟到调整合计', feesMinor: '费用合计', adjustmentsMinor: '调整合计' },
    owesHq: '净额：加盟商应付总部', owedByHq: '净额：总部应付加盟商',
    late: (figure: string, period: string) => `${period} 迟到${figure}`,
    figures: {
      net_sales: '销售', goods_supplied: '配货', goods_returned: '退货', stored_value_topped_up: '储值充值', stored_value_spent: '储值消费',
      stored_value_paid_out: '注销退款', stored_value_receivables_paid: '应收储值收回',
    },
  },
  en: {
    sheet: 'Statement', stores: 'Stores', about: 'About', line: 'Line', store: 'Store', otherStore: 'Other store', document: 'Document', date: 'Date', base: 'Base', rate: 'Rate', amount: 'Amount',
    royalty: 'Royalty on net sales', goods_supplied: 'Goods supplied', goods_returned: 'Goods returned', fee: 'Fee', adjustment: 'Adjustment',
    from: 'From', to: 'To', netSales: 'Net sales', toppedUp: 'Stored value topped up', spent: 'Stored value spent', paidOut: 'Paid back at cancellation', receivablesPaid: 'Receivables paid off',
    no: 'No.', franchisee: 'Franchisee', period: 'Period', status: 'Status', draft: 'Draft', approved: 'Approved', preview: 'Preview', approvedAt: 'Approved at',
    totals: { royaltyMinor: 'Royalty', goodsMinor: 'Goods', storedValueMinor: 'Stored value', lateMinor: 'Late lines', feesMinor: 'Fees', adjustmentsMinor: 'Adjustments' },
    owesHq: 'Net: the franchisee pays HQ', owedByHq: 'Net: HQ pays the franchisee',
    late: (figure: string, period: string) => `Late ${figure} from ${period}`,
    figures: {
      net_sales: 'sales', goods_supplied: 'goods supplied', goods_returned: 'goods returned', stored_value_topped_up: 'stored value topped up',
      stored_value_spent: 'stored value spent', stored_value_paid_out: 'card balances paid back', stored_value_receivables_paid: 'receivables paid off',
    },
  },
} as const;

const storedValueWords: Partial<Record<StatementFigure, 'toppedUp' | 'spent' | 'paidOut' | 'receivablesPaid'>> = {
  stored_value_topped_up: 'toppedUp', stored_value_spent: 'spent', stored_value_paid_out: 'paidOut', stored_value_receivables_paid: 'receivablesPaid',
};

/** A line's words in the export's language. */
function lineText(line: StatementLine, language: ExportLanguage): string {
  const w = words[language];
  if (line.kind === 'late') return w.late(w.figures[line.figure!], line.periodKey ?? '');
  if (line.kind === 'stored_value') return w[storedValueWords[line.figure!]!];
  if (line.kind === 'fee' || line.kind === 'adjustment') return `${w[line.kind]}: ${line.reason ?? ''}`;
  return w[line.kind];
}

const HEADER = ['line', 'store', 'otherStore', 'document', 'date', 'base', 'rate', 'amount'] as const;

interface ExportRow {
  line: string;
  store: string;
  otherStore: string;
  document: string;
  date: string | null;
  baseMinor: number | null;
  rateBp: number | null;
  amountMinor: number;
}

/** The statement's lines, then its totals and its net. */
function exportRows(statement: FranchiseStatement, language: ExportLanguage): ExportRow[] {
  const w = words[language];
  const code = (id: string | null) => (id ? statement.stores.find((s) => s.id === id)?.code ?? '' : '');
  const total = (line: string, amountMinor: number): ExportRow => ({ line, store: '', otherStore: '', document: '', date: null, baseMinor: null, rateBp: null, amountMinor });
  return [
    ...statement.lines.map((l) => ({
      line: lineText(l, language), store: code(l.storeId), otherStore: code(l.otherStoreId), document: l.documentNo ?? '', date: l.date, baseMinor: l.baseMinor, rateBp: l.rateBp, amountMinor: l.amountMinor,
    })),
    ...(Object.keys(w.totals) as (keyof typeof w.totals)[]).map((key) => total(w.totals[key], statement.totals[key])),
    total(statement.netMinor >= 0 ? w.owesHq : w.owedByHq, statement.netMinor),
  ];
}

function aboutRows(statement: FranchiseStatement, language: ExportLanguage): Cell[][] {
  const w = words[language];
  return [
    [w.no, statement.no ?? ''], [w.franchisee, `${statement.franchisee.code} ${statement.franchisee.name}`], [w.period, statement.period.key],
    [w.from, dayCell(statement.period.from)], [w.to, dayCell(statement.period.to)], [w.status, w[statement.status]],
    [w.approvedAt, statement.approvedAt ? new Date(statement.approvedAt) : null],
  ];
}

/** Net sales and stored value by store, each store once per span it was the franchisee's. */
function storeRows(statement: FranchiseStatement, language: ExportLanguage): Cell[][] {
  const name = (id: string) => {
    const store = statement.stores.find((s) => s.id === id);
    return store ? `${store.code} ${language === 'zh' ? store.nameZh : store.nameEn}` : id;
  };
  const sales = statement.sales.map((s): Cell[] => [name(s.storeId), dayCell(s.from), dayCell(s.to), yuan(s.netSalesMinor), null, null, null, null]);
  const storedValue = statement.storedValue.map((s): Cell[] => [name(s.storeId), null, null, null, yuan(s.toppedUpMinor), yuan(s.spentMinor), yuan(s.paidOutMinor), yuan(s.receivablesPaidMinor)]);
  return [...sales, ...storedValue];
}

/** The statement as a workbook: its lines with totals and net, its stores, and what it is. Amounts, rates and days are real number and date cells. */
export function statementWorkbook(statement: FranchiseStatement, language: ExportLanguage): Promise<Uint8Array<ArrayBuffer>> {
  const w = words[language];
  const rows = exportRows(statement, language).map((r): Cell[] => [
    r.line, r.store, r.otherStore, r.document, r.date ? dayCell(r.date) : null, r.baseMinor === null ? null : yuan(r.baseMinor), r.rateBp === null ? null : r.rateBp / 10_000, yuan(r.amountMinor),
  ]);
  return workbookBytes((workbook) => {
    addSheet(workbook, w.sheet, HEADER.map((h) => w[h]), rows, [5, 7], { percents: [6], dates: [4] });
    addSheet(workbook, w.stores, [w.store, w.from, w.to, w.netSales, w.toppedUp, w.spent, w.paidOut, w.receivablesPaid], storeRows(statement, language), [3, 4, 5, 6, 7], { dates: [1, 2] });
    addSheet(workbook, w.about, ['', ''], aboutRows(statement, language), [], { dates: [1] });
  });
}

/** The statement's lines, totals and net as CSV: amounts in the currency's unit exactly, rates in percent. */
export function statementCsv(statement: FranchiseStatement, language: ExportLanguage): string {
  const w = words[language];
  const rows = exportRows(statement, language).map((r) => [
    csvField(r.line), csvField(r.store), csvField(r.otherStore), csvField(r.document), r.date ?? '',
    r.baseMinor === null ? '' : yuanText(r.baseMinor), r.rateBp === null ? '' : (r.rateBp / 100).toFixed(2), yuanText(r.amountMinor),
  ].join(','));
  return [HEADER.map((h) => csvField(w[h])).join(','), ...rows].join('\r\n') + '\r\n';
}
