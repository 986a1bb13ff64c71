import { Alert, Card, Form, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { minor, type ShiftSummary } from '@pos/shared';
import { useShiftsTable } from '../features/office-shifts/use-shifts';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime, formatMoney } from '../i18n/translate';
import { HqErrorAlert } from './hq-error';
import { ShiftDrawer } from './shift-drawer';

/** A difference shown with its sign and meaning: short (短款) in red, over (长款) in green. */
export function Difference({ minorUnits, currency }: { minorUnits: number | null; currency: string }) {
  const { t } = useI18n();
  if (minorUnits === null) return <span>—</span>;
  const tone = minorUnits < 0 ? 'short' : minorUnits > 0 ? 'over' : 'even';
  return (
    <span className={`num office-difference ${tone}`} data-testid="shift-difference" data-minor={minorUnits}>
      {formatMoney(minor(minorUnits), currency)} {t(`office.shifts.${tone}`)}
    </span>
  );
}

/** The tills' shifts (班次与现金) per store: float, cash in and out, expected, counted and difference; a row opens its detail. */
export function ShiftsScreen() {
  const { t, locale, pickName } = useI18n();
  const s = useShiftsTable();
  const money = (row: ShiftSummary, amount: number | null) => (amount === null ? '—' : <span className="num">{formatMoney(minor(amount), row.currency)}</span>);
  const columns: TableColumnsType<ShiftSummary> = [
    { title: t('office.shifts.colOpened'), key: 'openedAt', dataIndex: 'openedAt', sorter: true, defaultSortOrder: 'descend', render: (at: string) => <span className="num">{formatDateTime(locale, at)}</span> },
    { title: t('office.shifts.colStore'), key: 'store', dataIndex: 'storeCode' },
    { title: t('office.shifts.colTill'), key: 'till', dataIndex: 'deviceCode', render: (code: string | null) => code ?? '—' },
    { title: t('office.shifts.colCashier'), key: 'cashier', render: (_: unknown, row) => (row.cashier ? `${row.cashier.name} (${row.cashier.code})` : '—') },
    { title: t('office.shifts.colStatus'), key: 'status', render: (_: unknown, row) => <Tag color={row.status === 'open' ? 'blue' : undefined}>{t(`office.shifts.${row.status}`)}</Tag> },
    { title: t('office.shifts.colSales'), key: 'sales', align: 'right', render: (_: unknown, row) => money(row, row.salesMinor) },
    { title: t('office.shifts.colFloat'), key: 'float', align: 'right', render: (_: unknown, row) => money(row, row.floatMinor) },
    { title: t('office.shifts.colCashIn'), key: 'cashIn', align: 'right', render: (_: unknown, row) => money(row, row.cashInMinor) },
    { title: t('office.shifts.colCashOut'), key: 'cashOut', align: 'right', render: (_: unknown, row) => money(row, row.cashOutMinor) },
    { title: t('office.shifts.colExpected'), key: 'expected', align: 'right', render: (_: unknown, row) => money(row, row.expectedCashMinor) },
    { title: t('office.shifts.colCounted'), key: 'counted', align: 'right', render: (_: unknown, row) => money(row, row.countedCashMinor) },
    { title: t('office.shifts.colDifference'), key: 'differenceMinor', align: 'right', sorter: true, render: (_: unknown, row) => <Difference minorUnits={row.differenceMinor} currency={row.currency} /> },
  ];
  return (
    <section className="office-page" data-testid="shifts-screen">
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('office.shifts.title')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('office.shifts.hint')}</Typography.Paragraph>
      </header>
      <Card>
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label={t('office.shifts.store')} htmlFor="shifts-store">
            <Select
              id="shifts-store"
              style={{ minWidth: 220 }}
              value={s.storeId ?? ''}
              onChange={(value: string) => s.setStoreId(value === '' ? undefined : value)}
              options={[{ value: '', label: t('office.shifts.allStores') }, ...(s.stores.data ?? []).map((store) => ({ value: store.id, label: `${store.code} · ${pickName(store)}` }))]}
            />
          </Form.Item>
          <Form.Item label={t('office.shifts.state')} htmlFor="shifts-state">
            <Select
              id="shifts-state"
              style={{ minWidth: 140 }}
              value={s.status ?? ''}
              onChange={(value: string) => s.setStatus(value === 'open' || value === 'closed' ? value : undefined)}
              options={[{ value: '', label: t('office.shifts.anyState') }, { value: 'open', label: t('office.shifts.open') }, { value: 'closed', label: t('office.shifts.closed') }]}
            />
          </Form.Item>
          <Form.Item label={`${t('office.shifts.days')} ${t('office.report.from')}`} htmlFor="shifts-from">
            <Input id="shifts-from" type="date" value={s.days.from} max={s.days.to || undefined} onChange={(e) => s.setDays({ ...s.days, from: e.target.value })} />
          </Form.Item>
          <Form.Item label={t('office.report.to')} htmlFor="shifts-to">
            <Input id="shifts-to" type="date" value={s.days.to} min={s.days.from || undefined} onChange={(e) => s.setDays({ ...s.days, to: e.target.value })} />
          </Form.Item>
        </Form>
      </Card>
      {!s.spanValid && <Alert type="warning" showIcon title={t('office.report.rangeInvalid')} />}
      <HqErrorAlert error={s.table.query.error ?? s.stores.error} />
      <Card>
        <Table<ShiftSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('office.shifts.empty') }}
          onRow={(row) => ({ onClick: () => s.setOpenId(row.id), 'data-shift-id': row.id } as React.HTMLAttributes<HTMLElement>)}
          data-testid="shifts-table"
          {...s.table.tableProps}
        />
      </Card>
      <ShiftDrawer open={s.openId !== null} detail={s.detail.data ?? null} error={s.detail.error} onClose={() => s.setOpenId(null)} />
    </section>
  );
}
