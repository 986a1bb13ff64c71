import { Card, Form, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import type { StockLevel, StockOverviewRow } from '@pos/shared';
import { useSupplierOptions } from '../features/office-catalog/catalog-queries';
import { formatMoneyText } from '../features/office-core/format-amount';
import { useOfficeUser } from '../features/office-core/office-context';
import { useCategories, useScopeStores } from '../features/office-core/office-queries';
import { useStockLevels, useWarehouses } from '../features/office-stock/use-stock';
import { useStockOverview } from '../features/office-stock/use-store-stock';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';

/** All the caller's stores at once, as a place to look at. */
const ALL_STORES = 'all';

function OnHand({ quantity }: { quantity: number }) {
  const { t } = useI18n();
  return <>{quantity < 0 && <Tag color="#a8071a">{t('office.stock.belowZero')}</Tag>}<span className="num">{quantity}</span></>;
}

/** A warehouse's stock (HQ): each product on hand and on its way, found by SKU or name. */
function WarehouseStock({ placeId, text }: { placeId: string; text: string }) {
  const { t, pickName } = useI18n();
  const levels = useStockLevels(placeId);
  const q = text.trim().toLowerCase();
  const shown = (levels.data?.items ?? []).filter((l) => !q || l.sku.toLowerCase().includes(q) || l.nameEn.toLowerCase().includes(q) || l.nameZh.includes(q));
  const columns: TableColumnsType<StockLevel> = [
    { title: 'SKU', key: 'sku', render: (_, l) => <span className="num">{l.sku}</span> },
    { title: t('office.stock.product'), key: 'name', render: (_, l) => pickName(l) },
    { title: t('office.stock.onHand'), key: 'quantity', align: 'right', sorter: (a, b) => a.quantity - b.quantity, render: (_, l) => <OnHand quantity={l.quantity} /> },
    { title: t('office.stock.inTransit'), key: 'inTransit', align: 'right', sorter: (a, b) => a.inTransit - b.inTransit, render: (_, l) => <span className="num">{l.inTransit || '—'}</span> },
  ];
  return (
    <>
      <HqErrorAlert error={levels.error} />
      <Table<StockLevel> rowKey="productId" size="small" loading={levels.isLoading} dataSource={shown} columns={columns} data-testid="stock-levels-table"
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }} />
    </>
  );
}

/** The stores' stock by store and product: value at cost for those who see cost, and days of cover at the last four weeks' pace. */
function StoreStock({ storeId, categoryId, supplierId, text }: { storeId: string | undefined; categoryId: string | undefined; supplierId: string | undefined; text: string }) {
  const { t, pickName } = useI18n();
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const overview = useStockOverview({ storeId, categoryId, supplierId, ...(q ? { q } : {}) }, true);
  const data = overview.data;
  const money = (amount: number | null) => (amount === null ? '—' : formatMoneyText(amount));
  const columns: TableColumnsType<StockOverviewRow> = [
    { title: 'SKU', key: 'sku', render: (_, r) => <span className="num">{r.sku}</span> },
    { title: t('office.stock.product'), key: 'name', render: (_, r) => pickName(r) },
    { title: t('office.stock.onHand'), key: 'quantity', align: 'right', sorter: (a, b) => a.quantity - b.quantity, render: (_, r) => <OnHand quantity={r.quantity} /> },
    { title: t('office.stock.inTransit'), key: 'inTransit', align: 'right', render: (_, r) => <span className="num">{r.inTransit || '—'}</span> },
    { title: t('office.stock.store'), key: 'store', dataIndex: 'storeCode' },
    ...(data?.costShown ? [
      { title: t('office.stock.unitCost'), key: 'cost', align: 'right' as const, render: (_: unknown, r: StockOverviewRow) => <span className="num">{money(r.unitCostMinor)}</span> },
      { title: t('office.stock.value'), key: 'value', align: 'right' as const, sorter: (a: StockOverviewRow, b: StockOverviewRow) => (a.valueMinor ?? 0) - (b.valueMinor ?? 0),
        render: (_: unknown, r: StockOverviewRow) => <span className="num">{money(r.valueMinor)}</span> },
    ] : []),
    { title: t('office.stock.soldPerDay'), key: 'sold', align: 'right', sorter: (a, b) => a.soldPerDay - b.soldPerDay, render: (_, r) => <span className="num">{r.soldPerDay || '—'}</span> },
    {
      title: t('office.stock.daysOfCover'), key: 'cover', align: 'right', sorter: (a, b) => (a.daysOfCover ?? Infinity) - (b.daysOfCover ?? Infinity),
      render: (_, r) => (r.daysOfCover === null ? '—' : <span className="num" data-testid="stock-cover">{r.daysOfCover}</span>),
    },
  ];
  return (
    <>
      <HqErrorAlert error={overview.error} />
      {data && (
        <Space wrap style={{ marginBottom: 12 }} data-testid="stock-totals">
          <span>{t('office.stock.totalRows', { rows: String(data.total.rows), shown: String(data.rows.length) })}</span>
          <span>{t('office.stock.totalUnits', { units: String(data.total.units) })}</span>
          {data.total.valueMinor !== null && <span>{t('office.stock.totalValue', { value: formatMoneyText(data.total.valueMinor) })}</span>}
        </Space>
      )}
      <Table<StockOverviewRow> rowKey={(r) => `${r.storeId}-${r.productId}`} size="small" loading={overview.isLoading} dataSource={data?.rows ?? []} columns={columns} data-testid="stock-levels-table"
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }} />
    </>
  );
}

/**
 * Stock look-up (库存查询): the stores in scope, one or all, by category, supplier (HQ) and text,
 * with value at cost and days of cover; or, for HQ, a warehouse. Below zero shows plainly: a till
 * never refuses a sale for stock, so a store can oversell until goods arrive.
 */
export function StockLevelsScreen() {
  const { t, pickName } = useI18n();
  const isHq = useOfficeUser().role === 'hq_admin';
  const stores = useScopeStores();
  const warehouses = useWarehouses(isHq);
  const categories = useCategories();
  const suppliers = useSupplierOptions(isHq);
  const warehouseIds = new Set((warehouses.data?.items ?? []).map((w) => w.id));
  const places = [
    { value: ALL_STORES, label: t('office.approvals.allStores') },
    ...(stores.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` })),
    ...(warehouses.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.code} · ${pickName(w)}` })),
  ];
  const [placeId, setPlaceId] = useState(ALL_STORES);
  const [categoryId, setCategoryId] = useState<string | undefined>(undefined);
  const [supplierId, setSupplierId] = useState<string | undefined>(undefined);
  const [text, setText] = useState('');
  const warehouse = warehouseIds.has(placeId);
  return (
    <section className="office-page" data-testid="stock-levels-screen">
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('office.stock.levelsTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('office.stock.levelsHint')}</Typography.Paragraph>
      </header>
      <Card title={
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('office.stock.place')} htmlFor="stock-place">
            <Select id="stock-place" style={{ minWidth: 240 }} showSearch optionFilterProp="label" value={placeId} onChange={(v: string) => setPlaceId(v)} options={places} />
          </Form.Item>
          {!warehouse && (
            <Form.Item label={t('office.counts.category')} htmlFor="stock-category">
              <Select id="stock-category" style={{ minWidth: 200 }} allowClear showSearch optionFilterProp="label" value={categoryId} onChange={(v?: string) => setCategoryId(v)}
                placeholder={t('office.stock.anyCategory')} options={(categories.data ?? []).filter((c) => c.active).map((c) => ({ value: c.id, label: `${c.code} · ${pickName(c)}` }))} />
            </Form.Item>
          )}
          {!warehouse && isHq && (
            <Form.Item label={t('office.stock.supplier')} htmlFor="stock-supplier">
              <Select id="stock-supplier" style={{ minWidth: 200 }} allowClear showSearch optionFilterProp="label" value={supplierId} onChange={(v?: string) => setSupplierId(v)}
                placeholder={t('office.stock.anySupplier')} options={(suppliers.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))} />
            </Form.Item>
          )}
          <Form.Item label={t('office.stock.find')} htmlFor="stock-find">
            <Input id="stock-find" allowClear value={text} onChange={(e) => setText(e.target.value)} placeholder={t('office.stock.findHint')} />
          </Form.Item>
        </Form>
      }>
        <HqErrorAlert error={stores.error ?? warehouses.error} />
        {warehouse
          ? <WarehouseStock placeId={placeId} text={text} />
          : <StoreStock storeId={placeId === ALL_STORES ? undefined : placeId} categoryId={categoryId} supplierId={supplierId} text={text} />}
      </Card>
    </section>
  );
}
