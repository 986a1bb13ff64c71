import type { ClerkStatement, CommissionPeriodOverview, Locale } from '@pos/shared';
import { addSheet, workbookBytes, yuan } from '../reports/workbook';

const words = {
  en: {
    clerks: 'Clerks', pools: 'Pools', lines: 'Lines', returns: 'Returns', poolShares: 'Pool shares', adjustments: 'Adjustments', summary: 'Summary',
    code: 'Code', name: 'Name', sales: 'Sales', target: 'Target', personal: 'Own lines', clawback: 'Taken back', late: 'Late sales', poolShare: 'Pool share',
    adjustment: 'Adjustments', total: 'Total', pool: 'Pool', taken: 'Takings', unassigned: 'Not shared out', date: 'Date', receipt: 'Receipt', product: 'Product',
    share: 'Share %', net: 'Net', base: 'Base', amount: 'Commission', rule: 'Rule', paidTo: 'Paid to', returnNo: 'Return', weight: 'Weight', reason: 'Reason', origin: 'For period',
    period: 'Period', status: 'Status', reached: 'Of target %',
  },
  'zh-CN': {
    clerks: '营业员', pools: '柜组', lines: '销售明细', returns: '退货冲减', poolShares: '公拥分配', adjustments: '调整', summary: '汇总',
    code: '工号', name: '姓名', sales: '销售额', target: '销售目标', personal: '私拥提成', clawback: '退货冲减', late: '补录销售', poolShare: '公拥分成',
    adjustment: '调整', total: '合计', pool: '柜组', taken: '公拥提成', unassigned: '未分配', date: '日期', receipt: '小票号', product: '商品',
    share: '分成 %', net: '净额', base: '计提基数', amount: '提成', rule: '规则', paidTo: '归属', returnNo: '退货单', weight: '权重', reason: '原因', origin: '所属周期',
    period: '结算周期', status: '状态', reached: '目标完成 %',
  },
} as const;

/** A period's figures over the caller's stores as a workbook: one sheet of clerks, one of pools. */
export async function periodWorkbook(overview: CommissionPeriodOverview, lang: Locale): Promise<Uint8Array<ArrayBuffer>> {
  const w = words[lang];
  return workbookBytes((workbook) => {
    addSheet(workbook, w.clerks, [w.code, w.name, w.sales, w.target, w.personal, w.clawback, w.late, w.poolShare, w.adjustment, w.total],
      overview.clerks.map((c) => [c.code, c.name, yuan(c.salesMinor), c.targetMinor === null ? '' : yuan(c.targetMinor), yuan(c.personalMinor), yuan(c.clawbackMinor), yuan(c.lateMinor), yuan(c.poolShareMinor), yuan(c.adjustmentMinor), yuan(c.totalMinor)]),
      [2, 3, 4, 5, 6, 7, 8, 9]);
    addSheet(workbook, w.pools, [w.pool, w.taken, w.clawback, w.unassigned], overview.pools.map((p) => [p.name, yuan(p.takenMinor), yuan(p.clawbackMinor), yuan(p.unassignedMinor)]), [1, 2, 3]);
  });
}

/** A clerk's statement as a workbook: the summary, then each line, return, pool share and adjustment. */
export async function statementWorkbook(statement: ClerkStatement, lang: Locale): Promise<Uint8Array<ArrayBuffer>> {
  const w = words[lang];
  const name = (l: { nameZh: string; nameEn: string }) => (lang === 'zh-CN' ? l.nameZh : l.nameEn);
  const rule = (why: ClerkStatement['lines'][number]['why']) => (why.excluded === null ? `#${why.ruleNo}` : why.excluded);
  const f = statement.figures;
  return workbookBytes((workbook) => {
    addSheet(workbook, w.summary, [w.period, w.code, w.name, w.status, w.sales, w.target, w.reached, w.personal, w.clawback, w.late, w.poolShare, w.adjustment, w.total], [[
      statement.period.key, statement.clerk.code, statement.clerk.name, statement.status, yuan(f.salesMinor), statement.target.amountMinor === null ? '' : yuan(statement.target.amountMinor),
      statement.target.reachedBp === null ? '' : statement.target.reachedBp / 100, yuan(f.personalMinor), yuan(f.clawbackMinor), yuan(f.lateMinor), yuan(f.poolShareMinor), yuan(f.adjustmentMinor), yuan(f.totalMinor),
    ]], [4, 5, 7, 8, 9, 10, 11, 12]);
    const lineRows = (lines: ClerkStatement['lines'], origin?: string) => lines.map((l) => [l.businessDate, l.receiptNo, name(l), l.shareBp / 100, yuan(l.netMinor), yuan(l.baseMinor), yuan(l.amountMinor), rule(l.why), l.paidTo, origin ?? statement.period.key]);
    addSheet(workbook, w.lines, [w.date, w.receipt, w.product, w.share, w.net, w.base, w.amount, w.rule, w.paidTo, w.origin],
      [...lineRows(statement.lines), ...statement.late.flatMap((l) => lineRows([l], l.originPeriod))], [4, 5, 6]);
    addSheet(workbook, w.returns, [w.date, w.returnNo, w.product, w.amount], statement.clawbacks.map((c) => [c.businessDate, c.returnNo, name(c), yuan(c.amountMinor)]), [3]);
    addSheet(workbook, w.poolShares, [w.date, w.pool, w.taken, w.weight, w.amount], statement.poolShares.map((p) => [p.date, p.poolId, yuan(p.poolAmountMinor), p.weight, yuan(p.amountMinor)]), [2, 4]);
    addSheet(workbook, w.adjustments, [w.origin, w.reason, w.amount], statement.adjustments.map((a) => [a.originPeriod, a.reason, yuan(a.amountMinor)]), [2]);
  });
}
