import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatAmount, formatCount } from '../features/office-core/format-amount';
import type { Figures } from '../features/office-reports/store-day-summary';
import type { MessageKey } from '../i18n/messages-en';

/** Sales, then tickets, items and the average basket: the figure columns of the store-day tables. */
export function figureColumns<T extends Figures>(t: (key: MessageKey) => string, between: ColumnsType<T> = []): ColumnsType<T> {
  return [
    { key: 'sales', title: t('office.report.colSales'), align: 'right', className: 'num', render: (_, r) => formatAmount(r.salesMinor) },
    ...between,
    { key: 'tickets', title: t('office.report.colTickets'), align: 'right', className: 'num', render: (_, r) => formatCount(r.tickets) },
    { key: 'items', title: t('office.report.colItems'), align: 'right', className: 'num', render: (_, r) => formatCount(r.items) },
    { key: 'basket', title: t('office.report.colBasket'), align: 'right', className: 'num', render: (_, r) => formatAmount(r.averageBasketMinor) },
  ];
}

/** The totals row under a store-day table: the label over `labelSpan` columns, then the figures (`gap` empty cells after sales). */
export function TotalsRow({ label, labelSpan, totals, gap = 0 }: { label: string; labelSpan: number; totals: Figures; gap?: number }) {
  const cells = [formatAmount(totals.salesMinor), ...Array<string>(gap).fill(''), formatCount(totals.tickets), formatCount(totals.items), formatAmount(totals.averageBasketMinor)];
  return (
    <Table.Summary.Row className="office-total-row">
      <Table.Summary.Cell index={0} colSpan={labelSpan}>{label}</Table.Summary.Cell>
      {cells.map((text, i) => (
        <Table.Summary.Cell key={i} index={labelSpan + i} align="right" className="num">{text}</Table.Summary.Cell>
      ))}
    </Table.Summary.Row>
  );
}
