import { App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { Brand, type BrandBody } from '@pos/shared';
import { useState } from 'react';
import { useCatalogMutations } from '../features/office-catalog/catalog-queries';
import { pageOf } from '../features/office-core/server-table-params';
import { useServerTable } from '../features/office-core/use-server-table';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert, markHqFieldErrors, useHqErrorText } from './hq-error';

const BrandPageSchema = pageOf(Brand);

/** The chain's brands (品牌), paged by HQ: create, edit, deactivate; HQ only. */
export function BrandsScreen() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useHqErrorText();
  const table = useServerTable<Brand>({ queryKey: ['brands', 'list'], path: '/brands', schema: BrandPageSchema });
  const { saveBrand, setBrandActive } = useCatalogMutations();
  const [editing, setEditing] = useState<Brand | 'new' | null>(null);
  const [form] = Form.useForm<BrandBody>();

  const open = (brand: Brand | 'new') => {
    setEditing(brand);
    saveBrand.reset();
    form.setFieldsValue(brand === 'new' ? { code: '', nameZh: '', nameEn: '' } : brand);
  };
  const submit = async (body: BrandBody) => {
    try {
      await saveBrand.mutateAsync({ id: editing === 'new' || editing === null ? null : editing.id, body });
      setEditing(null);
      void message.success(t('office.catalog.saved'));
    } catch (error) {
      markHqFieldErrors(form, error, t('office.error.fieldRefused'));
    }
  };
  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>{t('office.brands.title')}</Typography.Title>}
      extra={<Button type="primary" onClick={() => open('new')}>{t('office.catalog.new')}</Button>}>
      <Typography.Paragraph type="secondary">{t('office.brands.hint')}</Typography.Paragraph>
      <Input.Search allowClear value={table.search} onChange={(e) => table.setSearch(e.target.value)} placeholder={t('office.catalog.search')}
        aria-label={t('office.catalog.search')} style={{ maxWidth: 320, marginBottom: 12 }} />
      <HqErrorAlert error={table.query.error} />
      <Table<Brand>
        rowKey="id" size="small" {...table.tableProps}
        columns={[
          { title: t('office.catalog.code'), dataIndex: 'code', key: 'code', sorter: true },
          { title: t('office.catalog.nameZh'), dataIndex: 'nameZh', key: 'nameZh', sorter: true },
          { title: t('office.catalog.nameEn'), dataIndex: 'nameEn', key: 'nameEn', sorter: true },
          {
            title: t('office.catalog.active'), key: 'active', filters: [{ text: t('office.catalog.active'), value: 'true' }, { text: t('office.catalog.inactive'), value: 'false' }], filterMultiple: false,
            render: (_, b) => (b.active ? <Tag>{t('office.catalog.active')}</Tag> : <Tag>{t('office.catalog.inactive')}</Tag>),
          },
          {
            title: t('office.catalog.actions'), key: 'actions',
            render: (_, b) => (
              <Space>
                <Button size="small" onClick={() => open(b)} aria-label={`${t('office.catalog.edit')} ${b.code}`}>{t('office.catalog.edit')}</Button>
                <Button size="small" aria-label={`${t(b.active ? 'office.catalog.deactivate' : 'office.catalog.reactivate')} ${b.code}`}
                  onClick={() => setBrandActive.mutate({ id: b.id, active: !b.active }, { onError: (error) => void message.error(errorText(error)) })}>
                  {t(b.active ? 'office.catalog.deactivate' : 'office.catalog.reactivate')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? t('office.catalog.new') : t('office.catalog.edit')} onCancel={() => setEditing(null)}
        onOk={() => form.submit()} okText={t('office.catalog.save')} cancelText={t('office.catalog.cancel')} confirmLoading={saveBrand.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item name="code" label={t('office.catalog.code')} rules={[{ required: true }]}><Input maxLength={32} /></Form.Item>
          <Form.Item name="nameZh" label={t('office.catalog.nameZh')} rules={[{ required: true }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="nameEn" label={t('office.catalog.nameEn')} rules={[{ required: true }]}><Input maxLength={60} /></Form.Item>
        </Form>
        <HqErrorAlert error={saveBrand.error} />
      </Modal>
    </Card>
  );
}
