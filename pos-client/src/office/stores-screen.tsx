import { Button, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { StoreList, type StoreRecord } from '@pos/shared';
import { useState } from 'react';
import { useOfficeUser } from '../features/office-core/office-context';
import { officeHash } from '../features/office-core/office-route';
import { useServerTable } from '../features/office-core/use-server-table';
import { useRegions } from '../features/office-org/org-queries';
import { useI18n } from '../i18n/i18n-context';
import { StateTag } from './state-tag';
import { HqErrorAlert } from './hq-error';
import type { OfficeScreenProps } from './office-sections';
import { StoreDetail } from './store-detail';
import { StoreOpenModal } from './store-open-modal';

/** The stores in the user's scope, a page at a time; `#/office/stores/<id>` shows one with its history. HQ opens stores here. */
export function StoresScreen({ rest }: OfficeScreenProps) {
  const [storeId] = rest;
  return storeId ? <StoreDetail id={storeId} /> : <StoreDirectory />;
}

function StoreDirectory() {
  const { t, pickName } = useI18n();
  const isHq = useOfficeUser().role === 'hq_admin';
  const regions = useRegions();
  const [regionId, setRegionId] = useState('');
  const [active, setActive] = useState('');
  const [opening, setOpening] = useState(false);
  const table = useServerTable<StoreRecord>({ queryKey: ['stores', 'page'], path: '/org/stores', schema: StoreList, filters: { regionId, active } });
  const regionName = (s: StoreRecord) => (s.regionNameZh === null ? '—' : pickName({ nameZh: s.regionNameZh, nameEn: s.regionNameEn ?? s.regionNameZh }));

  const columns: TableColumnsType<StoreRecord> = [
    { title: t('office.org.code'), dataIndex: 'code', key: 'code', sorter: true, width: 90, render: (code: string, s) => <a href={officeHash('stores', s.id)}>{code}</a> },
    { title: t('office.org.name'), key: 'name', sorter: true, render: (_, s) => pickName(s) },
    { title: t('office.stores.operation'), key: 'operation', width: 200, render: (_, s) => (s.franchiseeName ?? t('office.stores.operation.direct')) },
    { title: t('office.stores.region'), key: 'region', width: 110, render: (_, s) => regionName(s) },
    { title: t('office.org.address'), dataIndex: 'address', key: 'address', ellipsis: true },
    { title: t('office.stores.openedOn'), dataIndex: 'openedOn', key: 'openedOn', sorter: true, width: 120 },
    {
      title: t('office.org.state'), key: 'state', width: 150,
      render: (_, s) => <StateTag active={s.active}>{s.active ? t('office.stores.open') : t('office.stores.closedOn', { date: s.closedOn ?? '' })}</StateTag>,
    },
  ];

  return (
    <section className="office-page">
      <Typography.Title level={1}>{t('office.stores.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t(isHq ? 'office.stores.hintHq' : 'office.stores.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear aria-label={t('office.stores.search')} placeholder={t('office.stores.search')} value={table.search} onChange={(e) => table.setSearch(e.target.value)} style={{ width: 260 }} />
        <Select aria-label={t('office.stores.region')} value={regionId} onChange={setRegionId} style={{ width: 160 }}
          options={[{ value: '', label: t('office.stores.allRegions') }, ...(regions.data ?? []).map((r) => ({ value: r.id, label: pickName(r) }))]} />
        <Select aria-label={t('office.org.state')} value={active} onChange={setActive} style={{ width: 130 }}
          options={[{ value: '', label: t('office.org.all') }, { value: 'true', label: t('office.stores.open') }, { value: 'false', label: t('office.stores.closed') }]} />
        {isHq && <Button type="primary" onClick={() => setOpening(true)}>{t('office.stores.openStore')}</Button>}
      </Space>
      <HqErrorAlert error={table.query.error} />
      <Table<StoreRecord> rowKey="id" columns={columns} {...table.tableProps} scroll={{ x: 1000 }} />
      {isHq && <StoreOpenModal open={opening} onClose={() => setOpening(false)} />}
    </section>
  );
}
