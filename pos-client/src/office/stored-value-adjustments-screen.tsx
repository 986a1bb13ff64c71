import { App, Button, Card, Popconfirm, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { StoredValueAdjustmentList, type StoredValueAdjustmentListItem, type StoredValueAdjustmentStatus } from '@pos/shared';
import { formatMoneyText } from '../features/office-core/format-amount';
import { useOfficeUser } from '../features/office-core/office-context';
import { officeHash } from '../features/office-core/office-route';
import { useServerTable } from '../features/office-core/use-server-table';
import { useAdjustmentActions } from '../features/office-members/use-member-ledgers';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime } from '../i18n/translate';
import { HqErrorAlert } from './hq-error';
import { OfficePage } from './office-page';

type Filter = StoredValueAdjustmentStatus | 'all';
const statusColor: Record<StoredValueAdjustmentStatus, string | undefined> = { pending: 'warning', approved: '#237804', rejected: undefined };

/**
 * Stored-value adjustments (调账审批): what HQ asked for, newest first. A pending one is approved
 * or rejected by a second HQ user; the one who asked sees theirs waiting and cannot decide it
 * (HQ refuses that too).
 */
export function StoredValueAdjustmentsScreen() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>('pending');
  return (
    <OfficePage title={t('office.adjustments.title')} hint={t('office.adjustments.hint')}>
      <Card data-testid="adjustments-screen">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Segmented<Filter> aria-label={t('office.adjustments.status')} value={filter} onChange={setFilter}
            options={(['pending', 'approved', 'rejected', 'all'] as const).map((value) => ({ value, label: t(`office.adjustments.filter.${value}`) }))} />
          <AdjustmentsTable key={filter} filter={filter} />
        </Space>
      </Card>
    </OfficePage>
  );
}

/** One filter's pages; a new filter starts again at its first page. */
function AdjustmentsTable({ filter }: { filter: Filter }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const me = useOfficeUser().id;
  const table = useServerTable<StoredValueAdjustmentListItem>({
    queryKey: ['stored-value', 'adjustments', 'list'], path: '/stored-value/adjustments', schema: StoredValueAdjustmentList,
    filters: filter === 'all' ? {} : { status: filter },
  });
  const { decide } = useAdjustmentActions();
  const act = (a: StoredValueAdjustmentListItem, decision: 'approve' | 'reject') =>
    decide.mutateAsync({ id: a.id, decision }).then(() => void message.success(t(decision === 'approve' ? 'office.adjustments.approved' : 'office.adjustments.rejected')), () => undefined);
  const actions = (a: StoredValueAdjustmentListItem) => {
    if (a.status !== 'pending') return null;
    if (a.requestedBy === me) {
      return (
        <Tooltip title={t('office.adjustments.ownHint')}>
          <Tag color="default" data-testid="adjustment-own">{t('office.adjustments.own')}</Tag>
        </Tooltip>
      );
    }
    return (
      <Space size={4}>
        <Popconfirm title={t('office.adjustments.approveConfirm', { amount: formatMoneyText(a.amountMinor), name: a.memberName ?? '—' })} okText={t('office.adjustments.approve')} cancelText={t('common.cancel')} onConfirm={() => act(a, 'approve')}>
          <Button size="small" type="primary" data-testid="adjustment-approve">{t('office.adjustments.approve')}</Button>
        </Popconfirm>
        <Popconfirm title={t('office.adjustments.rejectConfirm')} okText={t('office.adjustments.reject')} cancelText={t('common.cancel')} onConfirm={() => act(a, 'reject')}>
          <Button size="small" danger data-testid="adjustment-reject">{t('office.adjustments.reject')}</Button>
        </Popconfirm>
      </Space>
    );
  };
  return (
    <>
      <HqErrorAlert error={table.query.error ?? decide.error} />
      <Table<StoredValueAdjustmentListItem> rowKey="id" size="small" data-testid="adjustments-table" {...table.tableProps}
        locale={{ emptyText: t('office.adjustments.empty') }}
        columns={[
          { title: t('office.adjustments.requestedAt'), key: 'at', render: (_, a) => <span className="num">{formatDateTime(locale, a.requestedAt)}</span> },
          { title: t('office.adjustments.member'), key: 'member', render: (_, a) => (a.memberId ? <a href={officeHash('members', a.memberId)}>{a.memberName}</a> : '—') },
          { title: t('office.ledger.amount'), key: 'amount', align: 'right', render: (_, a) => <span className="num">{formatMoneyText(a.amountMinor)}</span> },
          { title: t('office.adjustments.reason'), dataIndex: 'reason', key: 'reason' },
          { title: t('office.adjustments.requestedBy'), key: 'by', render: (_, a) => a.requestedByName ?? '—' },
          { title: t('office.adjustments.status'), key: 'status', render: (_, a) => <Tag color={statusColor[a.status]} data-testid="adjustment-status">{t(`office.adjustments.filter.${a.status}`)}</Tag> },
          { title: t('office.adjustments.decidedBy'), key: 'decided', render: (_, a) => (a.decidedByName ? <Typography.Text>{a.decidedByName}<br /><span className="num">{a.decidedAt ? formatDateTime(locale, a.decidedAt) : ''}</span></Typography.Text> : '—') },
          { title: t('office.adjustments.actions'), key: 'actions', render: (_, a) => actions(a) },
        ]} />
    </>
  );
}
