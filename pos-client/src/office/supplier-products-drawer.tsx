import { Button, Drawer, Form, Input, InputNumber, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { SupplierProduct, SupplierProductList, type Supplier } from '@pos/shared';
import { formatMoneyText } from '../features/office-core/format-amount';
import { useHqMutation } from '../features/office-core/use-hq-mutation';
import { useServerTable } from '../features/office-core/use-server-table';
import { fenToYuan, yuanToFen } from '../features/office-org/org-queries';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';
import { ProductPicker } from './product-picker';

interface SuppliedValues {
  productId: string;
  costYuan: number;
  supplierSku?: string;
}

/** What a supplier supplies, a page at a time, with a form that adds a product or changes one's cost and item number. */
export function SupplierProductsDrawer({ supplier, onClose }: { supplier: Supplier | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Drawer open={supplier !== null} onClose={onClose} size={720} title={supplier ? t('office.suppliers.productsOf', { name: supplier.name }) : ''} destroyOnHidden>
      {supplier && <SuppliedProducts supplier={supplier} />}
    </Drawer>
  );
}

function SuppliedProducts({ supplier }: { supplier: Supplier }) {
  const { t, pickName } = useI18n();
  const [form] = Form.useForm<SuppliedValues>();
  const base = `/suppliers/${supplier.id}/products`;
  const table = useServerTable<SupplierProduct>({ queryKey: ['suppliers', supplier.id, 'products'], path: base, schema: SupplierProductList, pageSize: 10, filters: { active: 'true' } });
  const save = useHqMutation((v: SuppliedValues) => ({
    method: 'PUT' as const, path: `${base}/${v.productId}`, body: { costMinor: yuanToFen(v.costYuan), supplierSku: v.supplierSku?.trim() || null }, schema: SupplierProduct,
  }), [['suppliers']]);
  const remove = useHqMutation((p: SupplierProduct) => ({ method: 'DELETE' as const, path: `${base}/${p.productId}`, schema: SupplierProduct }), [['suppliers']]);

  const columns: TableColumnsType<SupplierProduct> = [
    { title: t('office.suppliers.sku'), dataIndex: 'sku', key: 'sku', sorter: true, width: 120 },
    { title: t('office.org.name'), key: 'name', sorter: true, render: (_, p) => pickName(p) },
    { title: t('office.suppliers.cost'), key: 'cost', sorter: true, align: 'right', width: 100, render: (_, p) => formatMoneyText(p.costMinor) },
    { title: t('office.suppliers.supplierSku'), dataIndex: 'supplierSku', key: 'supplierSku', width: 130, render: (v: string | null) => v ?? <Tag>—</Tag> },
    {
      title: t('office.org.actions'), key: 'actions', width: 150,
      render: (_, p) => (
        <Space size="small">
          <Button size="small" onClick={() => form.setFieldsValue({ productId: p.productId, costYuan: fenToYuan(p.costMinor), supplierSku: p.supplierSku ?? '' })}>{t('office.org.edit')}</Button>
          <Popconfirm title={t('office.suppliers.removeConfirm', { name: pickName(p) })} okText={t('office.org.yes')} cancelText={t('common.cancel')} onConfirm={() => remove.mutate(p)}>
            <Button size="small" danger>{t('office.suppliers.remove')}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Form form={form} layout="inline" onFinish={(v) => save.mutate(v, { onSuccess: () => form.resetFields() })} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="productId" label={t('office.suppliers.product')} rules={[{ required: true, message: t('office.org.required') }]} style={{ minWidth: 300 }}>
          <ProductPicker />
        </Form.Item>
        <Form.Item name="costYuan" label={t('office.suppliers.costYuan')} rules={[{ required: true, message: t('office.org.required') }]}>
          <InputNumber min={0} precision={2} step={0.1} />
        </Form.Item>
        <Form.Item name="supplierSku" label={t('office.suppliers.supplierSku')}><Input maxLength={40} style={{ width: 140 }} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{t('office.org.save')}</Button>
      </Form>
      <HqErrorAlert error={save.error ?? remove.error ?? table.query.error} />
      <Input.Search allowClear aria-label={t('office.suppliers.productSearch')} placeholder={t('office.suppliers.productSearch')} value={table.search}
        onChange={(e) => table.setSearch(e.target.value)} style={{ width: 280, marginBottom: 12 }} />
      <Table<SupplierProduct> rowKey="productId" size="small" columns={columns} {...table.tableProps} />
    </>
  );
}
