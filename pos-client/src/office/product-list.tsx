import { Button, Card, Form, Input, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { ProductRecord } from '@pos/shared';
import { useState } from 'react';
import { categoryNodes, categoryOptions } from '../features/office-catalog/category-nodes';
import { useBrandOptions, useCategories } from '../features/office-catalog/catalog-queries';
import { officeHash } from '../features/office-core/office-route';
import { pageOf } from '../features/office-core/server-table-params';
import { useServerTable } from '../features/office-core/use-server-table';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';

const ProductPageSchema = pageOf(ProductRecord);
const statuses = ['new', 'normal', 'discontinued'] as const;

/** The product list (商品): paged, sorted and filtered by HQ over 100,000 products. */
export function ProductList() {
  const { t, pickName } = useI18n();
  const categories = useCategories();
  const brands = useBrandOptions();
  const [categoryId, setCategoryId] = useState<string>();
  const [brandId, setBrandId] = useState<string>();
  const table = useServerTable<ProductRecord>({ queryKey: ['products', 'list'], path: '/products/search', schema: ProductPageSchema, filters: { categoryId, brandId } });
  const categoryName = new Map((categories.data ?? []).map((c) => [c.id, pickName(c)]));
  const brandName = new Map((brands.data?.items ?? []).map((b) => [b.id, pickName(b)]));
  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>{t('office.products.title')}</Typography.Title>}
      extra={<Button type="primary" href={officeHash('products', 'new')} data-testid="product-new">{t('office.catalog.new')}</Button>}>
      <Typography.Paragraph type="secondary">{t('office.products.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear value={table.search} onChange={(e) => table.setSearch(e.target.value)} placeholder={t('office.products.searchPlaceholder')}
          aria-label={t('office.catalog.search')} style={{ width: 280 }} data-testid="product-search" />
        <Form layout="inline">
          <Form.Item label={t('office.products.category')} htmlFor="product-filter-category">
            <TreeSelect id="product-filter-category" allowClear showSearch treeNodeFilterProp="title" value={categoryId} onChange={setCategoryId}
              treeData={categoryOptions(categoryNodes(categories.data ?? []), pickName, null, false)} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item label={t('office.products.brand')} htmlFor="product-filter-brand">
            <Select id="product-filter-brand" allowClear showSearch optionFilterProp="label" value={brandId} onChange={setBrandId} style={{ width: 200 }}
              options={(brands.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.code} ${pickName(b)}` }))} />
          </Form.Item>
        </Form>
      </Space>
      <HqErrorAlert error={table.query.error} />
      <Table<ProductRecord>
        rowKey="id" size="small" {...table.tableProps} scroll={{ x: 900 }}
        columns={[
          { title: t('office.products.sku'), dataIndex: 'sku', key: 'sku', sorter: true, render: (sku: string, p) => <a href={officeHash('products', 'edit', p.id)}>{sku}</a> },
          { title: t('office.products.name'), key: 'nameZh', sorter: true, render: (_, p) => pickName(p) },
          { title: t('office.products.barcodes'), key: 'barcodes', render: (_, p) => p.barcodes.join(', ') },
          { title: t('office.products.category'), key: 'category', render: (_, p) => (p.categoryId ? categoryName.get(p.categoryId) : '') },
          { title: t('office.products.brand'), key: 'brand', render: (_, p) => (p.brandId ? brandName.get(p.brandId) : '') },
          {
            title: t('office.products.status'), dataIndex: 'status', key: 'status', sorter: true, filters: statuses.map((s) => ({ text: t(`office.products.status.${s}`), value: s })),
            render: (_, p) => <Tag>{t(`office.products.status.${p.status}`)}{p.discontinuedFrom ? ` ${p.discontinuedFrom}` : ''}</Tag>,
          },
          {
            title: t('office.catalog.active'), key: 'active', filters: [{ text: t('office.catalog.active'), value: 'true' }, { text: t('office.catalog.inactive'), value: 'false' }], filterMultiple: false,
            render: (_, p) => (p.active ? t('office.catalog.active') : t('office.catalog.inactive')),
          },
        ]}
      />
    </Card>
  );
}
