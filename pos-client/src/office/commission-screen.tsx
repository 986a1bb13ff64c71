import { App, Button, Card, Descriptions, Drawer, Form, Input, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { minor, type ClerkStatement, type CommissionPeriodOverview } from '@pos/shared';
import { downloadCommission, useClerkStatement, useCommissionPeriod } from '../features/office-commission/use-commission';
import { useOfficeHttp, useOfficeUser } from '../features/office-core/office-context';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en';
import { formatMoney } from '../i18n/translate';
import { HqErrorAlert } from './hq-error';

type ClerkRow = CommissionPeriodOverview['clerks'][number];
type Why = ClerkStatement['lines'][number]['why'];

const thisMonth = () => new Date().toLocaleDateString('en-CA').slice(0, 7);
const money = (amount: number | null) => (amount === null ? '—' : <span className="num" style={{ whiteSpace: 'nowrap' }}>{formatMoney(minor(amount), 'CNY')}</span>);
const percent = (bp: number) => `${bp / 100}%`;

/** Why a line paid what it did, in words: the rule's number, its rate and what it matched on. */
function useWhyText() {
  const { t } = useI18n();
  return (why: Why): string => {
    if (why.excluded !== null) return t(`office.commission.excluded.${why.excluded}` as MessageKey);
    const rate = why.rate;
    const basis = (b: 'net' | 'margin') => t(`office.commission.basis.${b}` as MessageKey);
    const paid = rate.kind === 'per_unit'
      ? t('office.commission.perUnit', { amount: formatMoney(minor(rate.amountMinor), 'CNY') })
      : rate.kind === 'percent'
        ? `${percent(rate.bp)} ${basis(rate.basis)}`
        : `${(why.tiers ?? []).map((tier) => percent(tier.bp)).join(' + ')} ${basis(rate.basis)} (${t(`office.commission.tier.${rate.apply}` as MessageKey)})`;
    const on = why.matchedOn.length === 0 ? t('office.commission.matched.all') : why.matchedOn.map((m) => t(`office.commission.matched.${m}` as MessageKey)).join(' + ');
    const notes = [why.noCost ? t('office.commission.noCost') : null, why.noTarget ? t('office.commission.noTarget') : null].filter(Boolean).join(' ');
    return `#${why.ruleNo} · ${paid} · ${on}${notes ? ` · ${notes}` : ''}`;
  };
}

function StatementDrawer({ period, clerk, onClose }: { period: string; clerk: ClerkRow | null; onClose: () => void }) {
  const { t, locale, pickName } = useI18n();
  const http = useOfficeHttp();
  const statement = useClerkStatement(period, clerk?.clerkId ?? null);
  const whyText = useWhyText();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const s = statement.data;
  const lineColumns: TableColumnsType<ClerkStatement['lines'][number]> = [
    { title: t('office.commission.date'), dataIndex: 'businessDate', key: 'date', width: 110 },
    { title: t('office.commission.receipt'), dataIndex: 'receiptNo', key: 'receipt' },
    { title: t('office.commission.product'), key: 'product', render: (_, l) => pickName(l) },
    { title: t('office.commission.share'), key: 'share', align: 'right', render: (_, l) => percent(l.shareBp) },
    { title: t('office.commission.net'), key: 'net', align: 'right', render: (_, l) => money(l.netMinor) },
    { title: t('office.commission.amount'), key: 'amount', align: 'right', render: (_, l) => money(l.amountMinor) },
    { title: t('office.commission.rule'), key: 'rule', render: (_, l) => <span>{l.paidTo === 'pool' && <Tag>{t('office.commission.toPool')}</Tag>}{whyText(l.why)}</span> },
  ];
  return (
    <Drawer open={clerk !== null} onClose={onClose} width={960} title={clerk ? `${clerk.code} · ${clerk.name}` : ''} data-testid="commission-statement"
      extra={clerk && (
        <Button data-testid="commission-statement-export" onClick={() => {
          setDownloadError(null);
          downloadCommission(http, `/commission/periods/${period}/clerks/${clerk.clerkId}/export`, locale, `commission-${period}-${clerk.code}.xlsx`).catch(setDownloadError);
        }}>{t('office.commission.export')}</Button>
      )}>
      <HqErrorAlert error={statement.error ?? downloadError} />
      {s && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Descriptions size="small" column={4} bordered items={[
            { key: 'status', label: t('office.commission.status'), children: <Tag color={s.status === 'closed' ? '#237804' : 'blue'}>{t(`office.commission.${s.status}` as MessageKey)}</Tag> },
            { key: 'sales', label: t('office.commission.sales'), children: money(s.figures.salesMinor) },
            { key: 'target', label: t('office.commission.target'), children: money(s.target.amountMinor) },
            { key: 'reached', label: t('office.commission.reached'), children: s.target.reachedBp === null ? '—' : percent(s.target.reachedBp) },
            { key: 'personal', label: t('office.commission.personal'), children: money(s.figures.personalMinor) },
            { key: 'clawback', label: t('office.commission.clawback'), children: money(s.figures.clawbackMinor) },
            { key: 'late', label: t('office.commission.late'), children: money(s.figures.lateMinor) },
            { key: 'pool', label: t('office.commission.poolShare'), children: money(s.figures.poolShareMinor) },
            { key: 'adjustment', label: t('office.commission.adjustment'), children: money(s.figures.adjustmentMinor) },
            { key: 'total', label: t('office.commission.total'), children: <strong data-testid="commission-statement-total">{money(s.figures.totalMinor)}</strong> },
            { key: 'previous', label: t('office.commission.previous'), children: s.compare.previous ? `${s.compare.previous.key}: ${formatMoney(minor(s.compare.previous.salesMinor), 'CNY')} / ${formatMoney(minor(s.compare.previous.totalMinor), 'CNY')}` : '—' },
            { key: 'lastYear', label: t('office.commission.lastYear'), children: s.compare.lastYear ? `${s.compare.lastYear.key}: ${formatMoney(minor(s.compare.lastYear.salesMinor), 'CNY')} / ${formatMoney(minor(s.compare.lastYear.totalMinor), 'CNY')}` : '—' },
          ]} />
          <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{t('office.commission.lines')}</Typography.Title>
          <Table rowKey={(l) => `${l.lineId}:${l.paidTo}`} size="small" pagination={{ pageSize: 20 }} dataSource={s.lines} columns={lineColumns} data-testid="commission-statement-lines" />
          {s.late.length > 0 && (
            <>
              <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{t('office.commission.late')}</Typography.Title>
              <Table rowKey="lineId" size="small" pagination={false} dataSource={s.late} columns={lineColumns} />
            </>
          )}
          {s.clawbacks.length > 0 && (
            <>
              <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{t('office.commission.clawback')}</Typography.Title>
              <Table rowKey={(c) => `${c.returnId}:${c.saleLineId}`} size="small" pagination={false} dataSource={s.clawbacks} data-testid="commission-statement-clawbacks" columns={[
                { title: t('office.commission.date'), dataIndex: 'businessDate', key: 'date' },
                { title: t('office.commission.returnNo'), dataIndex: 'returnNo', key: 'returnNo' },
                { title: t('office.commission.product'), key: 'product', render: (_, c) => pickName(c) },
                { title: t('office.commission.amount'), key: 'amount', align: 'right', render: (_, c) => money(c.amountMinor) },
              ]} />
            </>
          )}
          {s.poolShares.length > 0 && (
            <>
              <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{t('office.commission.poolShare')}</Typography.Title>
              <Table rowKey={(p) => `${p.poolId}:${p.date}`} size="small" pagination={{ pageSize: 10 }} dataSource={s.poolShares} columns={[
                { title: t('office.commission.date'), dataIndex: 'date', key: 'date' },
                { title: t('office.commission.poolTaken'), key: 'pool', align: 'right', render: (_, p) => money(p.poolAmountMinor) },
                { title: t('office.commission.weight'), dataIndex: 'weight', key: 'weight', align: 'right' },
                { title: t('office.commission.amount'), key: 'amount', align: 'right', render: (_, p) => money(p.amountMinor) },
              ]} />
            </>
          )}
        </Space>
      )}
    </Drawer>
  );
}

/** Clerk commission for a period (营业员提成结算): each store's state, each clerk's figures against their target, the pools; a clerk opens their statement. */
export function CommissionScreen() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const http = useOfficeHttp();
  const user = useOfficeUser();
  const [period, setPeriod] = useState(thisMonth);
  const [open, setOpen] = useState<ClerkRow | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const { overview, work, close } = useCommissionPeriod(period);
  const data = overview.data;
  const openStores = (data?.stores ?? []).filter((s) => s.status === 'open');
  const mayClose = user.role === 'hq_admin' || user.role === 'franchisee';
  const clerkColumns: TableColumnsType<ClerkRow> = [
    { title: t('office.commission.clerk'), key: 'clerk', render: (_, c) => <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(c)} data-testid="commission-clerk">{`${c.code} · ${c.name}`}</Button> },
    { title: t('office.commission.sales'), key: 'sales', align: 'right', render: (_, c) => money(c.salesMinor) },
    { title: t('office.commission.target'), key: 'target', align: 'right', render: (_, c) => money(c.targetMinor) },
    { title: t('office.commission.reached'), key: 'reached', align: 'right', render: (_, c) => (c.targetMinor ? percent(Math.floor((c.salesMinor * 10_000) / c.targetMinor)) : '—') },
    { title: t('office.commission.personal'), key: 'personal', align: 'right', render: (_, c) => money(c.personalMinor) },
    { title: t('office.commission.clawback'), key: 'clawback', align: 'right', render: (_, c) => money(c.clawbackMinor) },
    { title: t('office.commission.late'), key: 'late', align: 'right', render: (_, c) => money(c.lateMinor) },
    { title: t('office.commission.poolShare'), key: 'pool', align: 'right', render: (_, c) => money(c.poolShareMinor) },
    { title: t('office.commission.adjustment'), key: 'adjustment', align: 'right', render: (_, c) => money(c.adjustmentMinor) },
    { title: t('office.commission.total'), key: 'total', align: 'right', render: (_, c) => <strong>{money(c.totalMinor)}</strong> },
  ];
  return (
    <section className="office-page" data-testid="commission-screen">
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('office.commission.title')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('office.commission.hint')}</Typography.Paragraph>
      </header>
      <Card>
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label={t('office.commission.period')} htmlFor="commission-period">
            <Input id="commission-period" type="month" value={period} onChange={(event) => event.target.value && setPeriod(event.target.value)} style={{ width: 170 }} />
          </Form.Item>
          <Form.Item>
            <Space wrap>
              <Button onClick={() => void work.mutateAsync().then((r) => message.success(t('office.commission.worked', { worked: String(r.worked), unchanged: String(r.unchanged) })))} loading={work.isPending} data-testid="commission-work">
                {t('office.commission.work')}
              </Button>
              {mayClose && (
                <Popconfirm title={t('office.commission.closeConfirm', { stores: String(openStores.length) })} onConfirm={() => void close.mutateAsync(openStores.map((s) => s.storeId)).then((r) => message.success(t('office.commission.closedNow', { stores: String(r.closed) })))} disabled={openStores.length === 0}>
                  <Button type="primary" disabled={openStores.length === 0} loading={close.isPending} data-testid="commission-close">{t('office.commission.close')}</Button>
                </Popconfirm>
              )}
              <Button data-testid="commission-export" onClick={() => {
                setDownloadError(null);
                downloadCommission(http, `/commission/periods/${period}/export`, locale, `commission-${period}.xlsx`).catch(setDownloadError);
              }}>{t('office.commission.export')}</Button>
            </Space>
          </Form.Item>
        </Form>
        <HqErrorAlert error={overview.error ?? work.error ?? close.error ?? downloadError} />
        {data && (
          <Space wrap style={{ marginTop: 12 }} data-testid="commission-stores">
            {data.stores.map((s) => (
              <Tag key={s.storeId} color={s.status === 'closed' ? '#237804' : 'blue'} data-status={s.status}>
                {`${s.code} · ${t(`office.commission.${s.status}` as MessageKey)}`}
              </Tag>
            ))}
          </Space>
        )}
      </Card>
      <Card style={{ marginTop: 16 }} title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('office.commission.clerks')}</Typography.Title>}
        extra={data && <span className="num">{t('office.commission.totals', { clerks: formatMoney(minor(data.totals.clerksMinor), 'CNY'), unassigned: formatMoney(minor(data.totals.unassignedMinor), 'CNY') })}</span>}>
        <Table<ClerkRow> rowKey="clerkId" size="small" loading={overview.isLoading} dataSource={data?.clerks ?? []} columns={clerkColumns} pagination={{ pageSize: 50 }} scroll={{ x: 1100 }} data-testid="commission-clerks" />
      </Card>
      <Card style={{ marginTop: 16 }} title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('office.commission.pools')}</Typography.Title>}>
        <Table rowKey="poolId" size="small" dataSource={data?.pools ?? []} pagination={false} data-testid="commission-pools" columns={[
          { title: t('office.commission.pool'), dataIndex: 'name', key: 'name' },
          { title: t('office.commission.poolTaken'), key: 'taken', align: 'right', render: (_, p) => money(p.takenMinor) },
          { title: t('office.commission.clawback'), key: 'clawback', align: 'right', render: (_, p) => money(p.clawbackMinor) },
          { title: t('office.commission.unassigned'), key: 'unassigned', align: 'right', render: (_, p) => money(p.unassignedMinor) },
        ]} />
      </Card>
      <StatementDrawer period={period} clerk={open} onClose={() => setOpen(null)} />
    </section>
  );
}
