import { Table } from 'antd';
import type { StoreDayRow } from '@pos/shared';
import type { Figures } from '../features/office-reports/store-day-summary';
import { useI18n } from '../i18n/i18n-context';
import { figureColumns, TotalsRow } from './store-day-columns';

/** Every store's every business day in the range, newest first, with the totals under them. */
export function StoreDayTable({ rows, totals }: { rows: StoreDayRow[]; totals: Figures }) {
  const { t } = useI18n();
  return (
    <Table<StoreDayRow>
      className="office-table"
      size="small"
      rowKey={(r) => `${r.businessDate}-${r.storeId}`}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('office.report.noRows') }}
      columns={[
        { key: 'date', title: t('office.report.colDate'), dataIndex: 'businessDate', className: 'num' },
        { key: 'store', title: t('office.report.colStore'), render: (_, r) => <><span className="office-code">{r.storeCode}</span> {r.storeName}</> },
        ...figureColumns<StoreDayRow>(t),
      ]}
      summary={() => rows.length > 0 && <TotalsRow label={t('office.report.total')} labelSpan={2} totals={totals} />}
    />
  );
}
