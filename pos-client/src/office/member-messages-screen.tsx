import { Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { MemberMessage, MemberMessageKind, MemberMessageStatus } from '@pos/shared';
import { pageOf } from '../features/office-core/server-table-params';
import { useServerTable } from '../features/office-core/use-server-table';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';
import { MemberMessageSettingsCard } from './member-message-settings-card';

const messagePage = pageOf(MemberMessage);
const statusColour: Record<MemberMessageStatus, string> = { pending: 'processing', sent: 'success', failed: 'error' };

/** 短信通知: what went, and goes, to members who consented, with the text as sent; and which messages the chain sends. */
export function MemberMessagesScreen() {
  const { t, locale } = useI18n();
  const [status, setStatus] = useState<MemberMessageStatus | undefined>(undefined);
  const [kind, setKind] = useState<MemberMessageKind | undefined>(undefined);
  const table = useServerTable({ queryKey: ['member-messages'], path: '/member-messages', schema: messagePage, filters: { status, kind } });

  const columns: TableColumnsType<MemberMessage> = [
    { title: t('office.memberMessages.createdAt'), key: 'createdAt', sorter: true, defaultSortOrder: 'descend', width: 180, render: (_, m) => new Date(m.createdAt).toLocaleString(locale) },
    { title: t('office.memberMessages.member'), key: 'member', width: 180, render: (_, m) => <>{m.memberName}<br /><Typography.Text type="secondary">{m.phoneMasked}</Typography.Text></> },
    { title: t('office.memberMessages.kind'), key: 'kind', width: 130, render: (_, m) => t(`office.memberMessages.kind.${m.kind}`) },
    { title: t('office.memberMessages.text'), key: 'text', render: (_, m) => m.text },
    {
      title: t('office.memberMessages.status'), key: 'status', width: 190,
      render: (_, m) => (
        <>
          <Tag color={statusColour[m.status]}>{t(`office.memberMessages.status.${m.status}`)}</Tag>
          {m.sentAt && <Typography.Text type="secondary">{new Date(m.sentAt).toLocaleTimeString(locale)}</Typography.Text>}
          {m.lastError && <div><Typography.Text type="danger">{t('office.memberMessages.tries', { count: m.attempts })}: {m.lastError}</Typography.Text></div>}
        </>
      ),
    },
  ];

  return (
    <div className="office-page">
      <header className="office-page-header">
        <div>
          <Typography.Title level={1}>{t('office.nav.memberMessages')}</Typography.Title>
          <p>{t('office.memberMessages.intro')}</p>
        </div>
      </header>
      <MemberMessageSettingsCard />
      <div className="office-filters">
        <label className="office-filter-field">
          <span id="member-message-status">{t('office.memberMessages.status')}</span>
          <Select aria-labelledby="member-message-status" allowClear style={{ minWidth: 160 }} value={status} onChange={setStatus}
            options={MemberMessageStatus.options.map((s) => ({ value: s, label: t(`office.memberMessages.status.${s}`) }))} />
        </label>
        <label className="office-filter-field">
          <span id="member-message-kind">{t('office.memberMessages.kind')}</span>
          <Select aria-labelledby="member-message-kind" allowClear style={{ minWidth: 180 }} value={kind} onChange={setKind}
            options={MemberMessageKind.options.map((k) => ({ value: k, label: t(`office.memberMessages.kind.${k}`) }))} />
        </label>
        <label className="office-filter-field office-filter-grow">
          <span>{t('office.memberMessages.search')}</span>
          <Input.Search allowClear value={table.search} onChange={(e) => table.setSearch(e.target.value)} placeholder={t('office.memberMessages.searchHint')} />
        </label>
      </div>
      <HqErrorAlert error={table.query.error} />
      <Table<MemberMessage> rowKey="id" columns={columns} {...table.tableProps} size="middle" data-testid="member-messages-table" />
    </div>
  );
}
