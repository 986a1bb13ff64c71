import { Alert, Button, Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { MemberDetail, PointsEntry, StoredValueEntry } from '@pos/shared';
import { formatCount, formatMoneyText } from '../features/office-core/format-amount';
import { useOfficeUser } from '../features/office-core/office-context';
import { useScopeStores } from '../features/office-core/office-queries';
import { ledgerReference, shortId } from '../features/office-members/ledger-reference';
import { LEDGER_PAGE_SIZE, useMemberPendingAdjustments, usePointsLedger, useStoredValueLedger } from '../features/office-members/use-member-ledgers';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime } from '../i18n/translate';
import { AdjustmentRequestModal } from './adjustment-request-modal';
import { HqErrorAlert } from './hq-error';

/** The store an entry was made in, by code and name; HQ's own entries (an office adjustment) name none. */
function useStoreName() {
  const { t, pickName } = useI18n();
  const stores = useScopeStores();
  return (storeId: string | null) => {
    if (storeId === null) return t('office.ledger.noStore');
    const store = stores.data?.find((s) => s.id === storeId);
    return store ? `${store.code} ${pickName(store)}` : shortId(storeId);
  };
}

/**
 * A member's two ledgers (储值流水、积分流水), a page at a time, newest first. HQ reads every
 * entry; a region, franchisee or store user only what HQ answers them: the entries of their stores.
 * HQ also asks for an adjustment (调账) here and sees the member's adjustments still waiting.
 */
export function MemberLedgersCard({ d }: { d: MemberDetail }) {
  const { t } = useI18n();
  const isHq = useOfficeUser().role === 'hq_admin';
  const [adjusting, setAdjusting] = useState(false);
  return (
    <Card data-testid="member-ledgers" title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('office.ledger.title')}</Typography.Title>}
      extra={isHq && d.mergedIntoMemberId === null && <Button onClick={() => setAdjusting(true)} data-testid="adjustment-new">{t('office.adjustments.request')}</Button>}>
      {!isHq && <Typography.Paragraph type="secondary">{t('office.ledger.scopeHint')}</Typography.Paragraph>}
      {isHq && <PendingAdjustments memberId={d.id} />}
      <Tabs items={[
        { key: 'stored-value', label: t('office.ledger.storedValue'), children: <StoredValueLedger memberId={d.id} /> },
        { key: 'points', label: t('office.ledger.points'), children: <PointsLedger memberId={d.id} /> },
      ]} />
      {isHq && <AdjustmentRequestModal open={adjusting} member={d} onClose={() => setAdjusting(false)} />}
    </Card>
  );
}

function PendingAdjustments({ memberId }: { memberId: string }) {
  const { t, locale } = useI18n();
  const pending = useMemberPendingAdjustments(memberId, true);
  const items = pending.data?.items ?? [];
  if (items.length === 0) return <HqErrorAlert error={pending.error} />;
  return (
    <Alert type="warning" showIcon data-testid="member-pending-adjustments" style={{ marginBottom: 12 }}
      title={t('office.adjustments.memberPending', { count: String(items.length) })}
      description={(
        <Space direction="vertical" size={2}>
          {items.map((a) => (
            <span key={a.id}>
              <span className="num">{formatMoneyText(a.amountMinor)}</span> · {a.reason} · {a.requestedByName ?? '—'} · <span className="num">{formatDateTime(locale, a.requestedAt)}</span>
            </span>
          ))}
          <a href="#/office/adjustments">{t('office.adjustments.openList')}</a>
        </Space>
      )} />
  );
}

function StoredValueLedger({ memberId }: { memberId: string }) {
  const { t, locale } = useI18n();
  const storeName = useStoreName();
  const [page, setPage] = useState(1);
  const ledger = useStoredValueLedger(memberId, page);
  const data = ledger.data;
  return (
    <>
      <HqErrorAlert error={ledger.error} />
      {data && (
        <Typography.Paragraph data-testid="ledger-stored-value-balance">
          {t('office.ledger.balanceLine', { balance: formatMoneyText(data.balanceMinor), bonus: formatMoneyText(data.bonusMinor) })}
        </Typography.Paragraph>
      )}
      <Table<StoredValueEntry> rowKey="id" size="small" data-testid="ledger-stored-value" loading={ledger.isFetching} dataSource={data?.entries ?? []}
        locale={{ emptyText: t('office.ledger.empty') }}
        pagination={{ current: page, pageSize: LEDGER_PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        columns={[
          { title: t('office.ledger.at'), key: 'at', render: (_, e) => <span className="num">{formatDateTime(locale, e.createdAt)}</span> },
          { title: t('office.ledger.kind'), key: 'kind', render: (_, e) => <Tag>{t(`office.ledger.svKind.${e.kind}`)}</Tag> },
          { title: t('office.ledger.amount'), key: 'amount', align: 'right', render: (_, e) => <span className="num">{formatMoneyText(e.amountMinor)}</span> },
          { title: t('office.ledger.bonusPart'), key: 'bonus', align: 'right', render: (_, e) => (e.bonusMinor === 0 ? '—' : <span className="num">{formatMoneyText(e.bonusMinor)}</span>) },
          { title: t('office.ledger.balanceAfter'), key: 'after', align: 'right', render: (_, e) => <span className="num">{formatMoneyText(e.balanceAfterMinor)}</span> },
          { title: t('office.ledger.store'), key: 'store', render: (_, e) => storeName(e.storeId) },
          { title: t('office.ledger.reference'), key: 'ref', render: (_, e) => ledgerReference({ reason: e.reason, documentIds: [e.documentId, e.paymentId] }) },
        ]} />
    </>
  );
}

function PointsLedger({ memberId }: { memberId: string }) {
  const { t, locale } = useI18n();
  const storeName = useStoreName();
  const [page, setPage] = useState(1);
  const ledger = usePointsLedger(memberId, page);
  const data = ledger.data;
  return (
    <>
      <HqErrorAlert error={ledger.error} />
      {data && (
        <Typography.Paragraph data-testid="ledger-points-balance">
          {t('office.ledger.pointsLine', { points: formatCount(data.points) })}
          {data.expiring.length > 0 && ` ${t('office.ledger.expiring', { points: formatCount(data.expiring[0]!.points), date: data.expiring[0]!.expiresOn })}`}
        </Typography.Paragraph>
      )}
      <Table<PointsEntry> rowKey="id" size="small" data-testid="ledger-points" loading={ledger.isFetching} dataSource={data?.entries.items ?? []}
        locale={{ emptyText: t('office.ledger.empty') }}
        pagination={{ current: page, pageSize: LEDGER_PAGE_SIZE, total: data?.entries.total ?? 0, showSizeChanger: false, onChange: setPage }}
        columns={[
          { title: t('office.ledger.at'), key: 'at', render: (_, e) => <span className="num">{formatDateTime(locale, e.createdAt)}</span> },
          { title: t('office.ledger.kind'), key: 'kind', render: (_, e) => <Tag>{t(`office.ledger.pointsKind.${e.kind}`)}</Tag> },
          { title: t('office.ledger.points'), key: 'points', align: 'right', render: (_, e) => <span className="num">{e.points > 0 ? `+${formatCount(e.points)}` : formatCount(e.points)}</span> },
          { title: t('office.ledger.balanceAfter'), key: 'after', align: 'right', render: (_, e) => <span className="num">{formatCount(e.balanceAfter)}</span> },
          { title: t('office.ledger.store'), key: 'store', render: (_, e) => storeName(e.storeId) },
          { title: t('office.ledger.reference'), key: 'ref', render: (_, e) => ledgerReference({ reason: e.reason, documentIds: [e.saleId, e.returnId, e.paymentId] }) },
        ]} />
    </>
  );
}
