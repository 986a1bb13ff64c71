import { Alert, Card, Form, Input, Select, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { TillKey, type ApprovalRecord } from '@pos/shared';
import { useApprovalsTable } from '../features/office-approvals/use-approvals-table';
import { useTillEventsTable } from '../features/office-approvals/use-till-events-table';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime } from '../i18n/translate';
import { HqErrorAlert } from './hq-error';
import { TillEventsTable } from './till-events-table';

/**
 * Who approved what at the tills (授权记录): each manager override, on a sale or on a key used
 * without one, by its business day; and, on a second tab, every drawer opened without a sale,
 * ticket voided and receipt reprinted, approved or not, for the same stores and days.
 */
export function ApprovalsScreen() {
  const { t, locale, pickName } = useI18n();
  const { table, stores, storeId, setStoreId, days, setDays, spanValid } = useApprovalsTable();
  const events = useTillEventsTable(storeId, days, spanValid);
  const clerk = (c: ApprovalRecord['requestedBy']) => `${c.name} (${c.code})`;
  const columns: TableColumnsType<ApprovalRecord> = [
    { title: t('office.approvals.colAt'), key: 'at', dataIndex: 'at', sorter: true, defaultSortOrder: 'descend', render: (at: string) => <span className="num">{formatDateTime(locale, at)}</span> },
    { title: t('office.approvals.colStore'), key: 'store', dataIndex: 'storeCode' },
    {
      title: t('office.approvals.colDocument'), key: 'receiptNo', dataIndex: 'receiptNo', sorter: true,
      render: (no: string | null, row) => {
        if (row.documentKind === 'till_event') return t('office.approvals.onTillEvent');
        return <span className="num">{t(row.documentKind === 'sale' ? 'office.approvals.onSale' : 'office.approvals.onReturn', { receiptNo: no ?? '' })}</span>;
      },
    },
    {
      title: t('office.approvals.colKey'), key: 'key', dataIndex: 'key', sorter: true,
      filters: TillKey.options.map((k) => ({ text: t(`tillKey.${k}`), value: k })),
      render: (key: TillKey) => t(`tillKey.${key}`),
    },
    { title: t('office.approvals.colLine'), key: 'line', render: (_: unknown, row) => (row.lineName ? pickName(row.lineName) : '—') },
    { title: t('office.approvals.colRequested'), key: 'requestedBy', render: (_: unknown, row) => clerk(row.requestedBy) },
    { title: t('office.approvals.colApproved'), key: 'approvedBy', render: (_: unknown, row) => <strong>{clerk(row.approvedBy)}</strong> },
  ];
  return (
    <section className="office-page" data-testid="approvals-screen">
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('office.approvals.title')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('office.approvals.hint')}</Typography.Paragraph>
      </header>
      <Card>
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label={t('office.approvals.store')} htmlFor="approvals-store">
            <Select
              id="approvals-store"
              style={{ minWidth: 240 }}
              value={storeId ?? ''}
              onChange={(value: string) => setStoreId(value === '' ? undefined : value)}
              options={[{ value: '', label: t('office.approvals.allStores') }, ...(stores.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` }))]}
            />
          </Form.Item>
          <Form.Item label={`${t('office.approvals.dates')} ${t('office.report.from')}`} htmlFor="approvals-from">
            <Input id="approvals-from" type="date" value={days.from} max={days.to || undefined} onChange={(e) => setDays({ ...days, from: e.target.value })} />
          </Form.Item>
          <Form.Item label={t('office.report.to')} htmlFor="approvals-to">
            <Input id="approvals-to" type="date" value={days.to} min={days.from || undefined} onChange={(e) => setDays({ ...days, to: e.target.value })} />
          </Form.Item>
        </Form>
      </Card>
      {!spanValid && <Alert type="warning" showIcon title={t('office.report.rangeInvalid')} />}
      <HqErrorAlert error={table.query.error ?? events.query.error ?? stores.error} />
      <Card>
        <Tabs
          items={[
            {
              key: 'overrides', label: t('office.approvals.tabOverrides'),
              children: (
                <Table<ApprovalRecord>
                  rowKey="id"
                  size="middle"
                  columns={columns}
                  locale={{ emptyText: t('office.approvals.empty') }}
                  data-testid="approvals-table"
                  {...table.tableProps}
                />
              ),
            },
            { key: 'till-events', label: t('office.approvals.tabTillEvents'), children: <TillEventsTable table={events} /> },
          ]}
        />
      </Card>
    </section>
  );
}
