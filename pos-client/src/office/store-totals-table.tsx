import { Progress, Table } from 'antd';
import type { Figures, StoreFigures } from '../features/office-reports/store-day-summary';
import { useI18n } from '../i18n/i18n-context';
import { figureColumns, TotalsRow } from './store-day-columns';

/** Each store's figures over the range with its share of the sales shown, and the totals. */
export function StoreTotalsTable({ rows, totals }: { rows: StoreFigures[]; totals: Figures }) {
  const { t } = useI18n();
  return (
    <Table<StoreFigures>
      className="office-table"
      size="small"
      rowKey={(r) => r.store.id}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('office.report.noRows') }}
      columns={[
        { key: 'store', title: t('office.report.colStore'), render: (_, r) => <><span className="office-code">{r.store.code}</span> {r.store.name}</> },
        ...figureColumns<StoreFigures>(t, [
          {
            key: 'share',
            title: t('office.report.colShare'),
            className: 'office-share-col',
            render: (_, r) => <Progress percent={r.shareBp / 100} size="small" format={(p) => `${(p ?? 0).toFixed(1)}%`} aria-label={`${r.store.code} ${t('office.report.colShare')}`} />,
          },
        ]),
      ]}
      summary={() => rows.length > 0 && <TotalsRow label={t('office.report.total')} labelSpan={1} totals={totals} gap={1} />}
    />
  );
}
