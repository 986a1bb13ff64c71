import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import type { Requisition, RequisitionBody, RequisitionLine, RequisitionStatus } from '@pos/shared';
import { useOfficePermissions, useOfficeUser } from '../features/office-core/office-context';
import { useScopeStores } from '../features/office-core/office-queries';
import { useRequisitions, useWarehouses } from '../features/office-stock/use-stock';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime } from '../i18n/translate';
import { HqErrorAlert, markHqFieldErrors } from './hq-error';
import { ProductPicker } from './product-picker';
import { OverdueTag, RequisitionStatusTag } from './stock-tags';

const statuses: readonly RequisitionStatus[] = ['asked', 'allocated', 'shipped', 'received', 'cancelled'];

type RequisitionForm = Omit<RequisitionBody, 'lines'> & { lines: { productId?: string; quantity?: number }[] };

/** What a requisition's products went through, line by line: asked, allocated, shipped, received. */
function RequisitionLines({ lines }: { lines: RequisitionLine[] }) {
  const { t, pickName } = useI18n();
  return (
    <Table<RequisitionLine>
      rowKey="productId" size="small" pagination={false} dataSource={lines}
      columns={[
        { title: t('office.stock.product'), key: 'product', render: (_, l) => `${l.sku} · ${pickName(l)}` },
        ...(['asked', 'allocated', 'shipped', 'received'] as const).map((k) => ({ title: t(`office.stock.col.${k}`), key: k, align: 'right' as const, render: (_: unknown, l: RequisitionLine) => <span className="num">{l[k]}</span> })),
      ]}
    />
  );
}

/** A store asking HQ's centre for goods (门店要货), or HQ sending goods unasked (总部配货). */
function NewRequisitionModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, pickName } = useI18n();
  const { message } = App.useApp();
  const isHq = useOfficeUser().role === 'hq_admin';
  const stores = useScopeStores();
  const warehouses = useWarehouses(open);
  const { create } = useRequisitions({});
  const [form] = Form.useForm<RequisitionForm>();
  const firstWarehouse = warehouses.data?.items[0]?.id;
  useEffect(() => {
    if (open && firstWarehouse && !form.getFieldValue('warehouseId')) form.setFieldValue('warehouseId', firstWarehouse);
  }, [open, firstWarehouse, form]);
  const submit = async ({ lines, note, ...rest }: RequisitionForm) => {
    try {
      const made = await create.mutateAsync({ ...rest, ...(note ? { note } : {}), lines: lines.map((l) => ({ productId: l.productId ?? '', quantity: l.quantity ?? 0 })) });
      void message.success(t('office.stock.askedDone', { no: made.no }));
      form.resetFields();
      onClose();
    } catch (error) {
      markHqFieldErrors(form, error, t('office.error.fieldRefused'));
    }
  };
  return (
    <Modal open={open} title={t('office.stock.newRequisition')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending}
      okText={t('office.stock.send')} width={720} destroyOnHidden>
      <HqErrorAlert error={create.error} />
      <Form form={form} layout="vertical" preserve={false} onFinish={(body) => void submit(body)}
        initialValues={{ kind: 'request', lines: [{}] }}>
        <Space wrap>
          <Form.Item name="storeId" label={t('office.stock.store')} htmlFor="requisition-store" rules={[{ required: true, message: t('office.stock.chooseStore') }]}>
            <Select id="requisition-store" style={{ width: 260 }} showSearch optionFilterProp="label"
              options={(stores.data ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` }))} />
          </Form.Item>
          <Form.Item name="warehouseId" label={t('office.stock.warehouse')} htmlFor="requisition-warehouse" rules={[{ required: true }]}>
            <Select id="requisition-warehouse" style={{ width: 260 }} options={(warehouses.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.code} · ${pickName(w)}` }))} />
          </Form.Item>
        </Space>
        {isHq && (
          <Form.Item name="kind" label={t('office.stock.kind')}>
            <Radio.Group options={[{ value: 'request', label: t('office.stock.kind.request') }, { value: 'push', label: t('office.stock.kind.push') }]} />
          </Form.Item>
        )}
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((field, i) => (
                <Space key={field.key} align="start" data-testid="requisition-line">
                  <Form.Item name={[field.name, 'productId']} label={t('office.stock.product')} htmlFor={`requisition-product-${i}`} rules={[{ required: true, message: t('office.stock.chooseProduct') }]}>
                    <ProductPicker id={`requisition-product-${i}`} style={{ width: 380 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'quantity']} label={t('office.stock.quantity')} htmlFor={`requisition-quantity-${i}`} rules={[{ required: true, message: t('office.stock.enterQuantity') }]}>
                    <InputNumber id={`requisition-quantity-${i}`} min={1} max={1_000_000} precision={0} />
                  </Form.Item>
                  {fields.length > 1 && <Button style={{ marginTop: 30 }} onClick={() => remove(field.name)} aria-label={`${t('office.catalog.delete')} ${i + 1}`}>{t('office.catalog.delete')}</Button>}
                </Space>
              ))}
              <Button onClick={() => add({})} data-testid="requisition-line-add">{t('office.stock.addLine')}</Button>
            </Space>
          )}
        </Form.List>
        <Form.Item name="note" label={t('office.stock.note')} htmlFor="requisition-note" rules={[{ max: 200 }]} style={{ marginTop: 16 }}><Input id="requisition-note" /></Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * Requisitions (要货单) of the stores in scope, newest first: what each asked, and how far it got
 * (allocated, shipped, received), those waiting too long flagged (未配送单据提醒). A store asks
 * for goods here and may cancel a request HQ has not allocated yet.
 */
export function RequisitionsScreen() {
  const { t, locale, pickName } = useI18n();
  const { message } = App.useApp();
  const mayEdit = useOfficePermissions().modules.stock === 'edit';
  const stores = useScopeStores();
  const [storeId, setStoreId] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<RequisitionStatus | undefined>(undefined);
  const [asking, setAsking] = useState(false);
  const { list, cancel } = useRequisitions({ storeId, status });
  const items = list.data?.items ?? [];
  const overdue = items.filter((r) => r.overdue);
  const columns: TableColumnsType<Requisition> = [
    { title: t('office.stock.no'), key: 'no', render: (_, r) => <span className="num">{r.no}</span> },
    { title: t('office.stock.store'), key: 'store', dataIndex: 'storeCode' },
    { title: t('office.stock.kind'), key: 'kind', render: (_, r) => t(`office.stock.kind.${r.kind}`) },
    { title: t('office.stock.status'), key: 'status', render: (_, r) => <Space size={4}><RequisitionStatusTag status={r.status} />{r.overdue && <OverdueTag />}</Space> },
    { title: t('office.stock.askedAt'), key: 'createdAt', render: (_, r) => <span className="num">{formatDateTime(locale, r.createdAt)}</span> },
    { title: t('office.stock.products'), key: 'products', render: (_, r) => r.lines.slice(0, 2).map((l) => `${pickName(l)} × ${l.asked}`).join(locale === 'en' ? ', ' : '，') + (r.lines.length > 2 ? ` … (${r.lines.length})` : '') },
    {
      title: t('office.catalog.actions'), key: 'actions',
      render: (_, r) => mayEdit && r.status === 'asked' && (
        <Popconfirm title={t('office.stock.cancelConfirm', { no: r.no })} okText={t('office.stock.cancelRequisition')} cancelText={t('office.stock.keep')}
          onConfirm={async () => { await cancel.mutateAsync(r.id); void message.success(t('office.stock.cancelled', { no: r.no })); }}>
          <Button size="small" aria-label={`${t('office.stock.cancelRequisition')} ${r.no}`}>{t('office.stock.cancelRequisition')}</Button>
        </Popconfirm>
      ),
    },
  ];
  return (
    <section className="office-page" data-testid="requisitions-screen">
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('office.stock.requisitionsTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('office.stock.requisitionsHint', { hours: String(list.data?.overdueAfterHours ?? 48) })}</Typography.Paragraph>
      </header>
      {overdue.length > 0 && (
        <Alert type="warning" showIcon data-testid="requisitions-overdue" title={t('office.stock.overdueAlert', { count: String(overdue.length), hours: String(list.data?.overdueAfterHours ?? 48) })}
          description={overdue.map((r) => `${r.no} · ${r.storeCode}`).join(locale === 'en' ? ', ' : '，')} />
      )}
      <Card extra={mayEdit && <Button type="primary" onClick={() => setAsking(true)} data-testid="requisition-new">{t('office.stock.newRequisition')}</Button>}
        title={
          <Form layout="inline" style={{ rowGap: 8 }}>
            <Form.Item label={t('office.stock.store')} htmlFor="requisitions-store">
              <Select id="requisitions-store" style={{ minWidth: 220 }} value={storeId ?? ''} onChange={(v: string) => setStoreId(v === '' ? undefined : v)}
                options={[{ value: '', label: t('office.approvals.allStores') }, ...(stores.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` }))]} />
            </Form.Item>
            <Form.Item label={t('office.stock.status')} htmlFor="requisitions-status">
              <Select id="requisitions-status" style={{ minWidth: 160 }} value={status ?? ''} onChange={(v: string) => setStatus(v === '' ? undefined : (v as RequisitionStatus))}
                options={[{ value: '', label: t('office.stock.anyStatus') }, ...statuses.map((s) => ({ value: s, label: t(`office.stock.status.${s}`) }))]} />
            </Form.Item>
          </Form>
        }>
        <HqErrorAlert error={list.error ?? cancel.error} />
        <Table<Requisition>
          rowKey="id" size="small" loading={list.isLoading} dataSource={items} columns={columns} pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="requisitions-table"
          expandable={{ expandedRowRender: (r) => <RequisitionLines lines={r.lines} />, expandRowByClick: true }}
        />
      </Card>
      <NewRequisitionModal open={asking} onClose={() => setAsking(false)} />
    </section>
  );
}
