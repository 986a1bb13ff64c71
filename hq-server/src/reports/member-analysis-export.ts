import type { AnalysedMember, MemberLifecycle } from '@pos/shared';
import { csvText, yuanText } from './csv';
import { addSheet, dayCell, workbookBytes, yuan, type Cell } from './workbook';

export type ExportLanguage = 'zh' | 'en';

const words = {
  zh: {
    sheet: '会员分析', cardNo: '卡号', name: '姓名', phone: '手机', consent: '同意接收短信', level: '会员级别', valueClass: '价值分类',
    recency: '最近消费评分(R)', frequency: '消费频次评分(F)', monetary: '消费金额评分(M)', lifecycle: '生命周期', spend: '消费额', tickets: '消费次数',
    first: '首次消费', last: '最近消费', yes: '是', no: '否', none: '无',
  },
  en: {
    sheet: 'Member analysis', cardNo: 'Card', name: 'Name', phone: 'Phone', consent: 'Consented to messages', level: 'Level', valueClass: 'Class',
    recency: 'Recency (R)', frequency: 'Frequency (F)', monetary: 'Monetary (M)', lifecycle: 'Lifecycle', spend: 'Spend', tickets: 'Tickets',
    first: 'First purchase', last: 'Last purchase', yes: 'yes', no: 'no', none: 'none',
  },
} as const;

const lifecycleWords: Record<ExportLanguage, Record<MemberLifecycle, string>> = {
  zh: { new: '新会员', active: '活跃', lapsing: '沉睡预警', lost: '流失', never: '从未消费' },
  en: { new: 'New', active: 'Active', lapsing: 'Lapsing', lost: 'Lost', never: 'Never bought' },
};

function sheet(members: readonly AnalysedMember[], language: ExportLanguage, money: (minor: number) => Cell, day: (d: string | null) => Cell) {
  const w = words[language];
  const header = [w.cardNo, w.name, w.phone, w.consent, w.level, w.valueClass, w.recency, w.frequency, w.monetary, w.lifecycle, w.spend, w.tickets, w.first, w.last];
  const rows = members.map((m): Cell[] => [
    m.cardNo ?? '', m.name, m.phoneMasked ?? '', m.consentToMessages ? w.yes : w.no, language === 'zh' ? m.level.nameZh : m.level.nameEn, m.valueClass ?? w.none,
    m.rfm?.recency ?? null, m.rfm?.frequency ?? null, m.rfm?.monetary ?? null, lifecycleWords[language][m.lifecycle], money(m.spendMinor), m.tickets, day(m.firstPurchase), day(m.lastPurchase),
  ]);
  return { header, rows };
}

/** The members as a workbook: amounts, scores and counts as numbers, days as dates; phones masked as on screen. */
export function analysedMembersWorkbook(members: readonly AnalysedMember[], language: ExportLanguage): Promise<Uint8Array<ArrayBuffer>> {
  const { header, rows } = sheet(members, language, yuan, (d) => (d === null ? null : dayCell(d)));
  return workbookBytes((workbook) => addSheet(workbook, words[language].sheet, header, rows, [10], { dates: [12, 13] }));
}

/** The members as CSV: amounts in the currency's unit. */
export function analysedMembersCsv(members: readonly AnalysedMember[], language: ExportLanguage): string {
  const { header, rows } = sheet(members, language, yuanText, (d) => d ?? '');
  return csvText([header, ...rows.map((row) => row.map((cell) => (cell === null ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : cell)))]);
}
