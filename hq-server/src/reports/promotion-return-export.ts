import type { PromotionReturnReport } from '@pos/shared';
import { csvText, yuanText } from './csv';
import { addSheet, dayCell, workbookBytes, yuan, type Cell } from './workbook';

export type ExportLanguage = 'zh' | 'en';

const words = {
  zh: {
    sheet: '促销活动投资收益率', name: '促销活动', from: '开始', to: '结束', products: '商品数', stores: '门店数', discount: '折扣', giftUnits: '赠品数量',
    giftCost: '赠品成本', cost: '投入', salesDuring: '活动期销售额', salesBefore: '活动前销售额', uplift: '销售增长', upliftRate: '增长率',
    marginDuring: '活动期毛利', marginBefore: '活动前毛利', marginUplift: '毛利增长', returnRate: '投资收益率',
  },
  en: {
    sheet: 'Promotion return', name: 'Promotion', from: 'From', to: 'To', products: 'Products', stores: 'Stores', discount: 'Discounts', giftUnits: 'Gift units',
    giftCost: 'Gifts at cost', cost: 'Cost', salesDuring: 'Sales during', salesBefore: 'Sales before', uplift: 'Sales uplift', upliftRate: 'Uplift %',
    marginDuring: 'Margin during', marginBefore: 'Margin before', marginUplift: 'Margin uplift', returnRate: 'Return',
  },
} as const;

function sheet(report: PromotionReturnReport, language: ExportLanguage, money: (minor: number) => Cell, fraction: (bp: number | null) => Cell, day: (d: string) => Cell) {
  const w = words[language];
  const header = [
    w.name, w.from, w.to, w.products, w.stores, w.discount, w.giftUnits, ...(report.seeCost ? [w.giftCost] : []), w.cost,
    w.salesDuring, w.salesBefore, w.uplift, w.upliftRate, ...(report.seeCost ? [w.marginDuring, w.marginBefore, w.marginUplift, w.returnRate] : []),
  ];
  const rows = report.items.map((p): Cell[] => [
    p.name, day(p.during.from), day(p.during.to), p.products, p.stores, money(p.discountMinor), p.giftUnits,
    ...(report.seeCost ? [money(p.giftCostMinor ?? 0)] : []), money(p.costMinor),
    money(p.promoted.during.salesMinor), money(p.promoted.before.salesMinor), money(p.upliftSalesMinor), fraction(p.upliftBp),
    ...(report.seeCost ? [money(p.promoted.during.marginMinor ?? 0), money(p.promoted.before.marginMinor ?? 0), money(p.upliftMarginMinor ?? 0), fraction(p.returnBp)] : []),
  ]);
  return { header, rows };
}

/** The promotions' returns as a workbook with real number, percentage and date cells. */
export function promotionReturnWorkbook(report: PromotionReturnReport, language: ExportLanguage): Promise<Uint8Array<ArrayBuffer>> {
  const { header, rows } = sheet(report, language, yuan, (bp) => (bp === null ? null : bp / 10_000), dayCell);
  const money = report.seeCost ? [5, 7, 8, 9, 10, 11, 13, 14, 15] : [5, 7, 8, 9, 10];
  const percents = report.seeCost ? [12, 16] : [11];
  return workbookBytes((workbook) => addSheet(workbook, words[language].sheet, header, rows, money, { percents, dates: [1, 2] }));
}

/** The promotions' returns as CSV: amounts in the currency's unit, rates in percent. */
export function promotionReturnCsv(report: PromotionReturnReport, language: ExportLanguage): string {
  const { header, rows } = sheet(report, language, yuanText, (bp) => (bp === null ? '' : (bp / 100).toFixed(2)), (d) => d);
  return csvText([header, ...rows.map((row) => row.map((cell) => (cell === null ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : cell)))]);
}
