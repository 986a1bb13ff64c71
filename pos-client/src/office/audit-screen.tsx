import { Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { AuditEntry } from '@pos/shared';
import { useScopeStores } from '../features/office-core/office-queries';
import { pageOf } from '../features/office-core/server-table-params';
import { useServerTable } from '../features/office-core/use-server-table';
import { useI18n } from '../i18n/i18n-context';
import { AuditEntryDrawer } from './audit-entry-drawer';
import { actionText, auditEntities, entityText } from './audit-labels';
import { HqErrorAlert } from './hq-error';

const auditPage = pageOf(AuditEntry);
/** A date field's day as the instant its local midnight starts; `to` takes the next midnight, so the day is included. */
const dayStart = (day: string, plusDays = 0) => (day ? new Date(new Date(`${day}T00:00`).getTime() + plusDays * 86_400_000).toISOString() : undefined);

/** 操作日志: who changed what and when, filtered and paged by HQ; a row opens its before and after. */
export function AuditScreen() {
  const { t, locale, pickName } = useI18n();
  const stores = useScopeStores();
  const [entities, setEntities] = useState<string[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const table = useServerTable({ queryKey: ['audit'], path: '/audit', schema: auditPage, filters: { entity: entities, from: dayStart(from), to: dayStart(to, 1) } });
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const storeName = (id: string | null) => {
    const store = id && stores.data?.find((s) => s.id === id);
    return store ? `${store.code} ${pickName(store)}` : '—';
  };

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('office.audit.at'), key: 'at', sorter: true, defaultSortOrder: 'descend', render: (_, e) => new Date(e.at).toLocaleString(locale), width: 190 },
    { title: t('office.audit.actor'), key: 'actor', render: (_, e) => <>{e.actor.name ?? '—'} <Tag>{t(`office.audit.kind.${e.actor.kind}`)}</Tag></> },
    { title: t('office.audit.entity'), key: 'entity', render: (_, e) => entityText(t, e.entity) },
    { title: t('office.audit.action'), key: 'action', render: (_, e) => actionText(t, e.action) },
    { title: t('office.audit.store'), key: 'store', render: (_, e) => storeName(e.storeId) },
    { title: t('office.audit.entityId'), key: 'entityId', render: (_, e) => <Typography.Text type="secondary" className="office-audit-id">{e.entityId}</Typography.Text> },
  ];

  return (
    <div className="office-page">
      <header className="office-page-header">
        <div>
          <Typography.Title level={1}>{t('office.nav.audit')}</Typography.Title>
          <p>{t('office.audit.intro')}</p>
        </div>
      </header>
      <div className="office-filters">
        <label className="office-filter-field">
          <span id="audit-entity">{t('office.audit.entity')}</span>
          <Select aria-labelledby="audit-entity" mode="multiple" allowClear style={{ minWidth: 240 }} value={entities} onChange={setEntities}
            options={auditEntities.map((e) => ({ value: e, label: entityText(t, e) }))} />
        </label>
        <label className="office-filter-field">
          <span>{t('office.audit.from')}</span>
          <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="office-filter-field">
          <span>{t('office.audit.to')}</span>
          <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label className="office-filter-field office-filter-grow">
          <span>{t('office.audit.search')}</span>
          <Input.Search allowClear value={table.search} onChange={(e) => table.setSearch(e.target.value)} placeholder={t('office.audit.searchHint')} />
        </label>
      </div>
      <HqErrorAlert error={table.query.error} />
      <Table<AuditEntry> rowKey="id" columns={columns} {...table.tableProps} size="middle" rowClassName="office-audit-row"
        onRow={(entry) => ({ onClick: () => setOpen(entry), onKeyDown: (e) => e.key === 'Enter' && setOpen(entry), tabIndex: 0 })} />
      <AuditEntryDrawer entry={open} storeName={storeName} onClose={() => setOpen(null)} />
    </div>
  );
}
