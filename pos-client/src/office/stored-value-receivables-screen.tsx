import { Card, Empty, Segmented, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { StoredValueReceivableList, type StoredValueReceivable } from '@pos/shared';
import { formatMoneyText } from '../features/office-core/format-amount';
import { officeHash } from '../features/office-core/office-route';
import { useServerTable } from '../features/office-core/use-server-table';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';
import { OfficePage } from './office-page';

type Status = 'open' | 'settled';

/** 应收储值: what offline stored-value payments took beyond a card's balance, open ones first; HQ sees the chain's, others their stores'. */
export function StoredValueReceivablesScreen() {
  const { t, locale, pickName } = useI18n();
  const [status, setStatus] = useState<Status>('open');
  const table = useServerTable({ queryKey: ['stored-value', 'receivables'], path: '/stored-value/receivables', schema: StoredValueReceivableList, filters: { status } });
  const columns: TableColumnsType<StoredValueReceivable> = [
    { title: t('office.receivables.member'), key: 'member', render: (_, r) => <a href={officeHash('members', r.memberId)}>{r.memberName}</a> },
    { title: t('office.receivables.card'), key: 'card', render: (_, r) => <span className="num">{r.cardNoMasked}</span> },
    { title: t('office.receivables.store'), key: 'store', render: (_, r) => `${r.storeCode} ${pickName({ nameZh: r.storeNameZh, nameEn: r.storeNameEn })}` },
    { title: t('office.receivables.receiptNo'), key: 'receipt', render: (_, r) => <span className="num">{r.receiptNo}</span> },
    { title: t('office.receivables.amount'), key: 'amount', align: 'right', render: (_, r) => <span className="num">{formatMoneyText(r.amountMinor)}</span> },
    { title: t('office.receivables.paid'), key: 'paid', align: 'right', render: (_, r) => <span className="num">{formatMoneyText(r.settledMinor)}</span> },
    {
      title: t(status === 'open' ? 'office.receivables.at' : 'office.receivables.settledAt'), key: 'at',
      render: (_, r) => new Date(status === 'open' ? r.createdAt : (r.settledAt ?? r.createdAt)).toLocaleString(locale),
    },
  ];
  return (
    <OfficePage title={t('office.nav.storedValueReceivables')} hint={t('office.receivables.intro')}
      extra={<Segmented<Status> aria-label={t('office.receivables.status')} value={status} onChange={setStatus}
        options={[{ value: 'open', label: t('office.receivables.open') }, { value: 'settled', label: t('office.receivables.settled') }]} />}>
      <HqErrorAlert error={table.query.error} />
      <Card>
        <Table<StoredValueReceivable> rowKey="id" size="small" columns={columns} {...table.tableProps} data-testid="stored-value-receivables"
          locale={{ emptyText: <Empty description={t('office.receivables.none')} /> }} />
      </Card>
    </OfficePage>
  );
}
