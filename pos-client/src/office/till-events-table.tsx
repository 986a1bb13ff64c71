import { Table, type TableColumnsType } from 'antd';
import { TillEventKind, type ClerkRef, type TillEventRecord } from '@pos/shared';
import { useTillEventsTable } from '../features/office-approvals/use-till-events-table';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime, formatMoney } from '../i18n/translate';

const clerkName = (c: ClerkRef) => `${c.name} (${c.code})`;

/** What one event did: the basket a voided ticket held, or the receipt a reprint printed again. */
function EventDetail({ row }: { row: TillEventRecord }) {
  const { t } = useI18n();
  if (row.ticket) {
    const { lineCount, grossMinor, netMinor, currency } = row.ticket;
    return <span className="num">{t('office.tillEvents.ticket', { lines: lineCount, gross: formatMoney(grossMinor, currency), net: formatMoney(netMinor, currency) })}</span>;
  }
  if (row.receiptNo) return <span className="num">{t('office.tillEvents.receipt', { receiptNo: row.receiptNo })}</span>;
  return <>—</>;
}

/** Every use of a key that acts without a sale, with who pressed it and who approved it (钱箱开启、整单作废与重打). */
export function TillEventsTable({ table }: { table: ReturnType<typeof useTillEventsTable> }) {
  const { t, locale } = useI18n();
  const columns: TableColumnsType<TillEventRecord> = [
    {
      title: t('office.approvals.colAt'), key: 'completedAt', dataIndex: 'completedAt', sorter: true, defaultSortOrder: 'descend',
      render: (at: string) => <span className="num">{formatDateTime(locale, at)}</span>,
    },
    { title: t('office.approvals.colStore'), key: 'store', dataIndex: 'storeCode' },
    { title: t('office.tillEvents.colTill'), key: 'till', dataIndex: 'deviceCode' },
    {
      title: t('office.tillEvents.colEvent'), key: 'event', dataIndex: 'event', sorter: true,
      filters: TillEventKind.options.map((k) => ({ text: t(`office.tillKey.${k}`), value: k })),
      render: (event: TillEventKind) => t(`office.tillKey.${event}`),
    },
    { title: t('office.tillEvents.colDetail'), key: 'detail', render: (_: unknown, row) => <EventDetail row={row} /> },
    { title: t('office.tillEvents.colClerk'), key: 'clerk', render: (_: unknown, row) => clerkName(row.clerk) },
    {
      title: t('office.approvals.colApproved'), key: 'approvedBy',
      render: (_: unknown, row) => (row.approvedBy ? <strong>{clerkName(row.approvedBy)}</strong> : t('office.tillEvents.roleAllowed')),
    },
  ];
  return (
    <Table<TillEventRecord>
      rowKey="id"
      size="middle"
      columns={columns}
      locale={{ emptyText: t('office.tillEvents.empty') }}
      data-testid="till-events-table"
      {...table.tableProps}
    />
  );
}
