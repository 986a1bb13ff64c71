import { Card, Form, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import type { ProductWithPrices } from '@pos/shared';
import { formatAmount } from '../features/office-core/format-amount';
import { useScopeStores } from '../features/office-core/office-queries';
import { useProductSearch } from '../features/office-core/use-product-search';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';
import { OfficePage } from './office-page';
import { PriceImportCard } from './price-import-card';
import { PricePanel } from './price-panel';

const hasScheduled = (item: ProductWithPrices, now: number) => item.prices.some((p) => p.effectiveFrom && new Date(p.effectiveFrom).getTime() > now);

/** Find a product, then set its chain or store prices; below, a CSV import of many prices. */
export function PricesScreen() {
  const { t, pickName } = useI18n();
  const stores = useScopeStores();
  const [storeId, setStoreId] = useState('');
  const products = useProductSearch({ storeId: storeId || null });
  const [picked, setPicked] = useState<ProductWithPrices | null>(null);
  // The row as HQ last sent it, so a saved or cancelled price shows at once.
  const selected = (picked && products.query.data?.items.find((i) => i.product.id === picked.product.id)) ?? picked;
  const storeOptions = [{ value: '', label: t('office.prices.chain') }, ...(stores.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` }))];
  const now = Date.now();

  return (
    <OfficePage title={t('office.prices.title')} hint={t('office.prices.hint')}>
      <Card size="small">
        <Form layout="inline" className="office-filters">
          <Form.Item label={t('office.prices.search')} htmlFor="price-search" className="office-field-grow">
            <Input id="price-search" type="search" allowClear value={products.search} placeholder={t('office.prices.searchPlaceholder')} onChange={(e) => products.setSearch(e.target.value)} />
          </Form.Item>
          <Form.Item label={t('office.prices.priceAt')} htmlFor="price-store">
            <Select id="price-store" className="office-select-wide" value={storeId} options={storeOptions} onChange={setStoreId} />
          </Form.Item>
        </Form>
      </Card>
      <HqErrorAlert error={products.query.error} />
      <div className="office-two-columns office-two-columns-wide">
        <Card size="small">
          <Table<ProductWithPrices>
            {...products.tableProps}
            rowKey={(item) => item.product.id}
            size="middle"
            className="office-table-select"
            rowClassName={(item) => (item.product.id === selected?.product.id ? 'office-row-selected' : '')}
            onRow={(item) => ({ onClick: () => setPicked(item) })}
            pagination={{ ...products.tableProps.pagination, showTotal: (total) => t('office.prices.count', { total }), size: 'small' }}
            locale={{ emptyText: t('office.prices.none') }}
            columns={[
              { key: 'sku', title: t('office.prices.colSku'), render: (_, item) => <span className="num office-code">{item.product.sku}</span> },
              {
                key: 'name',
                title: t('office.prices.colProduct'),
                render: (_, item) => (
                  <>
                    <button type="button" className="office-row-button" onClick={() => setPicked(item)}>{pickName(item.product)}</button>
                    {hasScheduled(item, now) && <Tag color="processing" className="office-tag">{t('office.prices.scheduled')}</Tag>}
                  </>
                ),
              },
              { key: 'now', title: t('office.prices.colNow'), align: 'right', className: 'num', render: (_, item) => (item.retailNowMinor === null ? '—' : formatAmount(item.retailNowMinor)) },
            ]}
          />
        </Card>
        {selected ? (
          <PricePanel key={selected.product.id} selected={selected} stores={stores.data ?? []} />
        ) : (
          <Card className="office-placeholder">{t('office.prices.pick')}</Card>
        )}
      </div>
      <PriceImportCard />
    </OfficePage>
  );
}
