import { Button, Input, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Franchisee, FranchiseeList } from '@pos/shared';
import { useState } from 'react';
import { formatMoneyText } from '../features/office-core/format-amount';
import { useOfficeUser } from '../features/office-core/office-context';
import { officeHash } from '../features/office-core/office-route';
import { useHqMutation } from '../features/office-core/use-hq-mutation';
import { useServerTable } from '../features/office-core/use-server-table';
import { bpToPercent } from '../features/office-org/org-queries';
import { useI18n } from '../i18n/i18n-context';
import { FranchiseeFormModal } from './franchisee-form-modal';
import { StateTag } from './state-tag';
import { HqErrorAlert } from './hq-error';

/** Franchisees (加盟商) with their contract terms and stores: HQ edits them; a franchisee sees their own record. */
export function FranchiseesScreen() {
  const { t, pickName } = useI18n();
  const isHq = useOfficeUser().role === 'hq_admin';
  const table = useServerTable<Franchisee>({ queryKey: ['franchisees', 'page'], path: '/franchisees', schema: FranchiseeList });
  const [editing, setEditing] = useState<Franchisee | null | undefined>(undefined);
  const toggle = useHqMutation((f: Franchisee) => ({ method: 'POST' as const, path: `/franchisees/${f.id}/${f.active ? 'deactivate' : 'reactivate'}`, body: {}, schema: Franchisee }), [['franchisees']]);

  const columns: TableColumnsType<Franchisee> = [
    { title: t('office.org.code'), dataIndex: 'code', key: 'code', sorter: true, width: 80 },
    { title: t('office.org.name'), dataIndex: 'name', key: 'name', sorter: true },
    { title: t('office.org.contact'), key: 'contact', width: 170, render: (_, f) => [f.contact, f.phone].filter(Boolean).join(' · ') },
    { title: t('office.franchisees.royalty'), key: 'royalty', align: 'right', width: 100, render: (_, f) => `${bpToPercent(f.royaltyRateBp).toFixed(2)}%` },
    { title: t('office.franchisees.cycle'), key: 'cycle', width: 90, render: (_, f) => t(`office.franchisees.cycle.${f.settlementCycle}`) },
    { title: t('office.franchisees.credit'), key: 'credit', align: 'right', width: 130, render: (_, f) => formatMoneyText(f.creditLimitMinor) },
    { title: t('office.franchisees.contract'), key: 'contractEnd', sorter: true, width: 200, render: (_, f) => (f.contractStart || f.contractEnd ? `${f.contractStart ?? '…'} – ${f.contractEnd ?? '…'}` : '—') },
    {
      title: t('office.franchisees.stores'), key: 'stores',
      render: (_, f) => <Space size={4} wrap>{f.stores.map((s) => <a key={s.id} href={officeHash('stores', s.id)}><Tag color={s.active ? 'blue' : 'default'}>{`${s.code} ${pickName(s)}`}</Tag></a>)}</Space>,
    },
    { title: t('office.org.state'), key: 'state', width: 90, render: (_, f) => <StateTag active={f.active}>{t(f.active ? 'office.org.active' : 'office.org.inactive')}</StateTag> },
  ];
  if (isHq) {
    columns.push({
      title: t('office.org.actions'), key: 'actions', width: 190, fixed: 'right',
      render: (_, f) => (
        <Space size="small">
          <Button size="small" onClick={() => setEditing(f)}>{t('office.org.edit')}</Button>
          <Popconfirm title={t(f.active ? 'office.org.deactivateConfirm' : 'office.org.reactivateConfirm', { name: f.name })} okText={t('office.org.yes')} cancelText={t('common.cancel')} onConfirm={() => toggle.mutate(f)}>
            <Button size="small" danger={f.active}>{t(f.active ? 'office.org.deactivate' : 'office.org.reactivate')}</Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <section className="office-page">
      <Typography.Title level={1}>{t(isHq ? 'office.franchisees.title' : 'office.franchisees.own')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t(isHq ? 'office.franchisees.hint' : 'office.franchisees.ownHint')}</Typography.Paragraph>
      {isHq && (
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search allowClear aria-label={t('office.franchisees.search')} placeholder={t('office.franchisees.search')} value={table.search} onChange={(e) => table.setSearch(e.target.value)} style={{ width: 280 }} />
          <Button type="primary" onClick={() => setEditing(null)}>{t('office.franchisees.add')}</Button>
        </Space>
      )}
      <HqErrorAlert error={table.query.error ?? toggle.error} />
      <Table<Franchisee> rowKey="id" columns={columns} {...table.tableProps} scroll={{ x: 1300 }} />
      {isHq && <FranchiseeFormModal franchisee={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />}
    </section>
  );
}
