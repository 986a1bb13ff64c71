import { growthBp, type ComparedFigures, type SalesAnalysis, type SalesFigures } from '@pos/shared';
import { csvText, yuanText } from './csv';
import { addSheet, dayCell, workbookBytes, yuan, type Cell } from './workbook';

export type ExportLanguage = 'zh' | 'en';

const words = {
  zh: {
    sheet: '决策分析', about: '说明', code: '编码', name: '名称', sales: '销售额', previous: '环比期销售额', previousGrowth: '环比',
    lastYear: '同比期销售额', lastYearGrowth: '同比', quantity: '数量', tickets: '客流量', basket: '客单价', discount: '折扣', returns: '退货',
    margin: '毛利', marginRate: '毛利率', others: '其他', total: '合计', period: '本期', previousPeriod: '环比期', lastYearPeriod: '同比期', from: '起', to: '止',
  },
  en: {
    sheet: 'Sales analysis', about: 'About', code: 'Code', name: 'Name', sales: 'Sales', previous: 'Sales, period before', previousGrowth: 'vs period before',
    lastYear: 'Sales, a year earlier', lastYearGrowth: 'vs a year earlier', quantity: 'Quantity', tickets: 'Tickets', basket: 'Average basket',
    discount: 'Discounts', returns: 'Returns', margin: 'Gross margin', marginRate: 'Margin %', others: 'Others', total: 'Total',
    period: 'This period', previousPeriod: 'Period before', lastYearPeriod: 'A year earlier', from: 'From', to: 'To',
  },
} as const;

type Line = { code: Cell; name: string; figures: ComparedFigures };

const byTime = (report: SalesAnalysis) => report.by === 'day' || report.by === 'week' || report.by === 'month';

function linesOf(report: SalesAnalysis, language: ExportLanguage): Line[] {
  const w = words[language];
  return [
    ...report.rows.map((r) => ({ code: byTime(report) ? dayCell(r.key) : r.code ?? '', name: language === 'zh' ? r.nameZh : r.nameEn, figures: r })),
    ...(report.others ? [{ code: '', name: `${w.others} (${report.others.count})`, figures: report.others }] : []),
    { code: '', name: w.total, figures: report.totals },
  ];
}

/** A growth as a spreadsheet fraction (0.125 is +12.5%), or an empty cell when there is nothing to compare with. */
const growth = (now: number, then: number): number | null => {
  const bp = growthBp(now, then);
  return bp === null ? null : bp / 10_000;
};

function header(report: SalesAnalysis, language: ExportLanguage): string[] {
  const w = words[language];
  return [
    w.code, w.name, w.sales, w.previous, w.previousGrowth, w.lastYear, w.lastYearGrowth, w.quantity, w.tickets, w.basket, w.discount, w.returns,
    ...(report.seeCost ? [w.margin, w.marginRate] : []),
  ];
}

function cells(report: SalesAnalysis, { code, name, figures }: Line, money: (minor: number) => Cell, fraction: (v: number | null) => Cell): Cell[] {
  const c: SalesFigures = figures.current;
  const orNull = (v: number | null, as: (v: number) => Cell) => (v === null ? null : as(v));
  return [
    code, name, money(c.salesMinor), money(figures.previous.salesMinor), fraction(growth(c.salesMinor, figures.previous.salesMinor)),
    money(figures.lastYear.salesMinor), fraction(growth(c.salesMinor, figures.lastYear.salesMinor)), c.quantity, c.tickets,
    orNull(c.averageBasketMinor, money), money(c.discountMinor), orNull(c.returnsMinor, money),
    ...(report.seeCost ? [orNull(c.marginMinor, money), fraction(c.marginRateBp === null ? null : c.marginRateBp / 10_000)] : []),
  ];
}

/** The analysis as a workbook: the rows, the others and the total with real number cells, and a sheet saying which days each period covers. */
export function salesAnalysisWorkbook(report: SalesAnalysis, language: ExportLanguage): Promise<Uint8Array<ArrayBuffer>> {
  const w = words[language];
  const head = header(report, language);
  const money = [2, 3, 5, 9, 10, 11, ...(report.seeCost ? [12] : [])];
  const percents = [4, 6, ...(report.seeCost ? [13] : [])];
  return workbookBytes((workbook) => {
    addSheet(workbook, w.sheet, head, linesOf(report, language).map((line) => cells(report, line, yuan, (v) => v)), money, { percents, dates: byTime(report) ? [0] : [] });
    const { current, previous, lastYear } = report.periods;
    addSheet(workbook, w.about, ['', w.from, w.to], [
      [w.period, dayCell(current.from), dayCell(current.to)],
      [w.previousPeriod, dayCell(previous.from), dayCell(previous.to)],
      [w.lastYearPeriod, dayCell(lastYear.from), dayCell(lastYear.to)],
    ], [], { dates: [1, 2] });
  });
}

/** The analysis as CSV: amounts in the currency's unit, growths and margin rate in percent with two decimals. */
export function salesAnalysisCsv(report: SalesAnalysis, language: ExportLanguage): string {
  const percent = (v: number | null): Cell => (v === null ? '' : (v * 100).toFixed(2));
  const rows = linesOf(report, language).map((line) => cells(report, line, yuanText, percent).map((cell) => (cell === null ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : cell)));
  return csvText([header(report, language), ...rows]);
}
