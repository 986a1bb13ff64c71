import { Button, Card, Form, Input, Table, Typography } from 'antd';
import type { AssortmentMode, Product, ProductWithPrices } from '@pos/shared';
import { useProductSearch } from '../features/office-core/use-product-search';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';

interface Props {
  mode: AssortmentMode;
  /** The ids already on the store's list. */
  listed: string[];
  onAdd: (product: Product) => void;
}

/** The price editor's product search, each product with a button that puts it on the store's list. */
export function AssortmentProductAdder({ mode, listed, onAdd }: Props) {
  const { t, pickName } = useI18n();
  const products = useProductSearch();
  return (
    <Card title={<Typography.Title level={2}>{t(`office.assortment.addTitle.${mode}`)}</Typography.Title>}>
      <Form layout="vertical">
        <Form.Item label={t('office.prices.search')} htmlFor="assortment-search">
          <Input id="assortment-search" type="search" allowClear value={products.search} placeholder={t('office.prices.searchPlaceholder')} onChange={(e) => products.setSearch(e.target.value)} />
        </Form.Item>
      </Form>
      <HqErrorAlert error={products.query.error} />
      <Table<ProductWithPrices>
        {...products.tableProps}
        data-testid="assortment-search"
        rowKey={(item) => item.product.id}
        size="small"
        showHeader={false}
        pagination={{ ...products.tableProps.pagination, size: 'small', showTotal: (total) => t('office.prices.count', { total }) }}
        locale={{ emptyText: t('office.prices.none') }}
        columns={[
          { key: 'sku', title: t('office.prices.colSku'), render: (_, { product }) => <span className="num office-code">{product.sku}</span> },
          { key: 'name', title: t('office.prices.colProduct'), render: (_, { product }) => pickName(product) },
          {
            key: 'add',
            title: t('office.devices.actions'),
            align: 'right',
            render: (_, { product }) =>
              listed.includes(product.id) ? <Typography.Text type="secondary">{t('office.assortment.onList')}</Typography.Text> : <Button type="link" size="small" onClick={() => onAdd(product)}>{t('office.assortment.add')}</Button>,
          },
        ]}
      />
    </Card>
  );
}
