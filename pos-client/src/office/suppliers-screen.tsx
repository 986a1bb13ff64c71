import { Button, Input, Popconfirm, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { Supplier, SupplierList } from '@pos/shared';
import { useState } from 'react';
import { useHqMutation } from '../features/office-core/use-hq-mutation';
import { useServerTable } from '../features/office-core/use-server-table';
import { useI18n } from '../i18n/i18n-context';
import { StateTag } from './state-tag';
import { HqErrorAlert } from './hq-error';
import { SupplierFormModal } from './supplier-form-modal';
import { SupplierProductsDrawer } from './supplier-products-drawer';

/** Suppliers (供应商), HQ's alone: a server-paged list, a form to add or edit, and each supplier's products. */
export function SuppliersScreen() {
  const { t } = useI18n();
  const [active, setActive] = useState<string>('true');
  const table = useServerTable<Supplier>({ queryKey: ['suppliers'], path: '/suppliers', schema: SupplierList, filters: { active } });
  const [editing, setEditing] = useState<Supplier | null | undefined>(undefined);
  const [productsOf, setProductsOf] = useState<Supplier | null>(null);
  const toggle = useHqMutation((s: Supplier) => ({ method: 'POST' as const, path: `/suppliers/${s.id}/${s.active ? 'deactivate' : 'reactivate'}`, body: {}, schema: Supplier }), [['suppliers']]);

  const columns: TableColumnsType<Supplier> = [
    { title: t('office.org.code'), dataIndex: 'code', key: 'code', sorter: true, width: 100 },
    { title: t('office.org.name'), dataIndex: 'name', key: 'name', sorter: true },
    { title: t('office.org.contact'), key: 'contact', render: (_, s) => [s.contactName, s.phone].filter(Boolean).join(' · ') },
    { title: t('office.suppliers.settlement'), key: 'settlement', render: (_, s) => t(`office.suppliers.settlement.${s.settlement}`), width: 120 },
    { title: t('office.suppliers.products'), dataIndex: 'productCount', key: 'productCount', align: 'right', width: 110 },
    { title: t('office.org.state'), key: 'state', width: 100, render: (_, s) => <StateTag active={s.active}>{t(s.active ? 'office.org.active' : 'office.org.inactive')}</StateTag> },
    {
      title: t('office.org.actions'), key: 'actions', width: 260,
      render: (_, s) => (
        <Space size="small" wrap>
          <Button size="small" onClick={() => setProductsOf(s)}>{t('office.suppliers.products')}</Button>
          <Button size="small" onClick={() => setEditing(s)}>{t('office.org.edit')}</Button>
          <Popconfirm title={t(s.active ? 'office.org.deactivateConfirm' : 'office.org.reactivateConfirm', { name: s.name })} okText={t('office.org.yes')} cancelText={t('common.cancel')} onConfirm={() => toggle.mutate(s)}>
            <Button size="small" danger={s.active}>{t(s.active ? 'office.org.deactivate' : 'office.org.reactivate')}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <section className="office-page">
      <Typography.Title level={1}>{t('office.suppliers.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('office.suppliers.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear aria-label={t('office.suppliers.search')} placeholder={t('office.suppliers.search')} value={table.search} onChange={(e) => table.setSearch(e.target.value)} style={{ width: 280 }} />
        <Select aria-label={t('office.org.state')} value={active} onChange={setActive} style={{ width: 140 }}
          options={[{ value: 'true', label: t('office.org.active') }, { value: 'false', label: t('office.org.inactive') }, { value: '', label: t('office.org.all') }]} />
        <Button type="primary" onClick={() => setEditing(null)}>{t('office.suppliers.add')}</Button>
      </Space>
      <HqErrorAlert error={table.query.error ?? toggle.error} />
      <Table<Supplier> rowKey="id" columns={columns} {...table.tableProps} scroll={{ x: 960 }} />
      <SupplierFormModal supplier={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
      <SupplierProductsDrawer supplier={productsOf} onClose={() => setProductsOf(null)} />
    </section>
  );
}
