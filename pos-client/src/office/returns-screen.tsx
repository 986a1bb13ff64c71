import { Alert, Card, Checkbox, Form, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { ReturnRecord } from '@pos/shared';
import { formatMoneyText } from '../features/office-core/format-amount';
import { useReturnsTable } from '../features/office-returns/use-returns-table';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime } from '../i18n/translate';
import { HqErrorAlert } from './hq-error';

/** Returns and exchanges (退换货) at the stores in scope: what came back and went out, the refunds, who approved, and over-returns HQ found. */
export function ReturnsScreen() {
  const { t, locale, pickName } = useI18n();
  const { table, stores, storeId, setStoreId, days, setDays, spanValid, differencesOnly, setDifferencesOnly } = useReturnsTable();
  const columns: TableColumnsType<ReturnRecord> = [
    { title: t('office.returns.colAt'), key: 'completedAt', dataIndex: 'completedAt', sorter: true, defaultSortOrder: 'descend', render: (at: string) => <span className="num">{formatDateTime(locale, at)}</span> },
    { title: t('office.returns.colStore'), key: 'store', dataIndex: 'storeCode' },
    { title: t('office.returns.colReturn'), key: 'returnNo', dataIndex: 'returnNo', sorter: true, render: (no: string, row) => (
      <>
        <span className="num">{no}</span>
        {row.lines.some((l) => l.direction === 'out') && <Tag style={{ marginInlineStart: 8 }}>{t('office.returns.exchange')}</Tag>}
        <div>{t(`office.returns.reason.${row.reason}`)}</div>
      </>
    ) },
    { title: t('office.returns.colOriginal'), key: 'original', render: (_: unknown, row) => (row.original ? <span className="num">{row.original.receiptNo}{row.original.storeCode && row.original.storeCode !== row.storeCode ? ` · ${row.original.storeCode}` : ''}</span> : t('office.returns.noReceipt')) },
    { title: t('office.returns.colLines'), key: 'lines', render: (_: unknown, row) => (
      <ul style={{ margin: 0, paddingInlineStart: 16 }}>
        {row.lines.map((l, i) => <li key={i}>{l.direction === 'back' ? '↩' : '→'} {pickName(l)} × {l.quantity}</li>)}
      </ul>
    ) },
    { title: t('office.returns.colRefunded'), key: 'refundedMinor', dataIndex: 'refundedMinor', sorter: true, align: 'right', render: (amount: number, row) => (
      <>
        <span className="num">{row.paidMinor > 0 && amount === 0 ? t('office.returns.paid', { amount: formatMoneyText(row.paidMinor) }) : formatMoneyText(amount)}</span>
        {row.clawbackMinor > 0 && <div>{t('office.returns.clawback', { amount: formatMoneyText(row.clawbackMinor) })}</div>}
      </>
    ) },
    { title: t('office.returns.colCashier'), key: 'cashier', render: (_: unknown, row) => `${row.cashier.name} (${row.cashier.code})` },
    { title: t('office.returns.colApproved'), key: 'approvals', render: (_: unknown, row) => (row.approvals.length ? row.approvals.map((a) => <div key={a.at + a.key}><strong>{a.approvedBy.name} ({a.approvedBy.code})</strong><div>{t(`tillKey.${a.key}`)}</div></div>) : '—') },
    { title: t('office.returns.colDifferences'), key: 'differences', render: (_: unknown, row) => (row.differences.length ? row.differences.map((d, i) => (
      <Tag key={i} color="error" data-testid="return-difference">{t(`office.returns.problem.${d.problem}`, { excess: d.problem === 'OVER_RETURN' ? String(d.excess) : formatMoneyText(d.excess), item: d.lineName ?? '' })}</Tag>
    )) : '—') },
  ];
  return (
    <section className="office-page" data-testid="returns-screen">
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('office.returns.title')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('office.returns.hint')}</Typography.Paragraph>
      </header>
      <Card>
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label={t('office.approvals.store')} htmlFor="returns-store">
            <Select
              id="returns-store"
              style={{ minWidth: 240 }}
              value={storeId ?? ''}
              onChange={(value: string) => setStoreId(value === '' ? undefined : value)}
              options={[{ value: '', label: t('office.approvals.allStores') }, ...(stores.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` }))]}
            />
          </Form.Item>
          <Form.Item label={`${t('office.approvals.dates')} ${t('office.report.from')}`} htmlFor="returns-from">
            <Input id="returns-from" type="date" value={days.from} max={days.to || undefined} onChange={(e) => setDays({ ...days, from: e.target.value })} />
          </Form.Item>
          <Form.Item label={t('office.report.to')} htmlFor="returns-to">
            <Input id="returns-to" type="date" value={days.to} min={days.from || undefined} onChange={(e) => setDays({ ...days, to: e.target.value })} />
          </Form.Item>
          <Form.Item>
            <Checkbox checked={differencesOnly} onChange={(e) => setDifferencesOnly(e.target.checked)} data-testid="returns-differences-only">{t('office.returns.differencesOnly')}</Checkbox>
          </Form.Item>
        </Form>
      </Card>
      {!spanValid && <Alert type="warning" showIcon title={t('office.report.rangeInvalid')} />}
      <HqErrorAlert error={table.query.error ?? stores.error} />
      <Card>
        <Table<ReturnRecord>
          rowKey="id"
          size="middle"
          columns={columns}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('office.returns.empty') }}
          data-testid="returns-table"
          {...table.tableProps}
        />
      </Card>
    </section>
  );
}
