import { App, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import type { Category } from '@pos/shared';
import { useState } from 'react';
import { categoryNodes, categoryOptions, type CategoryNode } from '../features/office-catalog/category-nodes';
import { useCatalogMutations, useCategories } from '../features/office-catalog/catalog-queries';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert, markHqFieldErrors, useHqErrorText } from './hq-error';

interface CategoryForm {
  parentId?: string;
  code: string;
  nameZh: string;
  nameEn: string;
  sortOrder: number;
}

/** The category tree (商品分类): create, rename, move, order, deactivate; HQ only. */
export function CategoriesScreen() {
  const { t, pickName } = useI18n();
  const { message } = App.useApp();
  const errorText = useHqErrorText();
  const categories = useCategories();
  const { saveCategory, setCategoryActive } = useCatalogMutations();
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const [form] = Form.useForm<CategoryForm>();
  const nodes = categoryNodes(categories.data ?? []);

  const open = (category: Category | 'new') => {
    setEditing(category);
    saveCategory.reset();
    form.setFieldsValue(category === 'new' ? { parentId: undefined, code: '', nameZh: '', nameEn: '', sortOrder: 0 } : { ...category, parentId: category.parentId ?? undefined });
  };
  const submit = async (values: CategoryForm) => {
    const body = { ...values, parentId: values.parentId ?? null };
    try {
      await saveCategory.mutateAsync({ id: editing === 'new' || editing === null ? null : editing.id, body });
      setEditing(null);
      void message.success(t('office.catalog.saved'));
    } catch (error) {
      markHqFieldErrors(form, error, t('office.error.fieldRefused'));
    }
  };
  const toggle = (category: Category) =>
    setCategoryActive.mutate({ id: category.id, active: !category.active }, { onError: (error) => void message.error(errorText(error)) });

  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>{t('office.categories.title')}</Typography.Title>}
      extra={<Button type="primary" onClick={() => open('new')} data-testid="category-new">{t('office.catalog.new')}</Button>}>
      <Typography.Paragraph type="secondary">{t('office.categories.hint')}</Typography.Paragraph>
      <HqErrorAlert error={categories.error} />
      <Table<CategoryNode>
        rowKey="id" size="small" loading={categories.isFetching} dataSource={nodes} pagination={false} expandable={{ defaultExpandAllRows: false }}
        columns={[
          { title: t('office.catalog.code'), dataIndex: 'code', key: 'code' },
          { title: t('office.catalog.nameZh'), dataIndex: 'nameZh', key: 'nameZh' },
          { title: t('office.catalog.nameEn'), dataIndex: 'nameEn', key: 'nameEn' },
          { title: t('office.categories.order'), dataIndex: 'sortOrder', key: 'sortOrder' },
          { title: t('office.catalog.active'), key: 'active', render: (_, c) => (c.active ? <Tag>{t('office.catalog.active')}</Tag> : <Tag>{t('office.catalog.inactive')}</Tag>) },
          {
            title: t('office.catalog.actions'), key: 'actions',
            render: (_, c) => (
              <Space>
                <Button size="small" onClick={() => open(c)} aria-label={`${t('office.catalog.edit')} ${c.code}`}>{t('office.catalog.edit')}</Button>
                <Button size="small" onClick={() => toggle(c)} aria-label={`${t(c.active ? 'office.catalog.deactivate' : 'office.catalog.reactivate')} ${c.code}`}>
                  {t(c.active ? 'office.catalog.deactivate' : 'office.catalog.reactivate')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? t('office.catalog.new') : t('office.catalog.edit')} onCancel={() => setEditing(null)}
        onOk={() => form.submit()} okText={t('office.catalog.save')} cancelText={t('office.catalog.cancel')} confirmLoading={saveCategory.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item name="parentId" label={t('office.categories.parent')}>
            <TreeSelect allowClear placeholder={t('office.categories.top')} treeData={categoryOptions(nodes, pickName, editing === 'new' ? null : editing?.id ?? null)} treeDefaultExpandAll />
          </Form.Item>
          <Form.Item name="code" label={t('office.catalog.code')} rules={[{ required: true }]}><Input maxLength={32} /></Form.Item>
          <Form.Item name="nameZh" label={t('office.catalog.nameZh')} rules={[{ required: true }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="nameEn" label={t('office.catalog.nameEn')} rules={[{ required: true }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="sortOrder" label={t('office.categories.order')}><InputNumber min={0} precision={0} /></Form.Item>
        </Form>
        <HqErrorAlert error={saveCategory.error} />
      </Modal>
    </Card>
  );
}
