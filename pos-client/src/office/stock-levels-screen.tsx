import { Card, Form, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { StockLevel } from '@pos/shared';
import { useOfficeUser } from '../features/office-core/office-context';
import { useScopeStores } from '../features/office-core/office-queries';
import { useStockLevels, useWarehouses } from '../features/office-stock/use-stock';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';

/**
 * Stock on hand (库存查询) at one place: a store in scope or, for HQ, a warehouse; each product's
 * units on hand and on their way, found by SKU or name. Below zero shows plainly: a till never
 * refuses a sale for stock, so a store can oversell until goods arrive.
 */
export function StockLevelsScreen() {
  const { t, pickName } = useI18n();
  const isHq = useOfficeUser().role === 'hq_admin';
  const stores = useScopeStores();
  const warehouses = useWarehouses(isHq);
  const places = [
    ...(warehouses.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.code} · ${pickName(w)}` })),
    ...(stores.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` })),
  ];
  const [placeId, setPlaceId] = useState<string | undefined>(undefined);
  const chosen = placeId ?? places[0]?.value;
  const [text, setText] = useState('');
  const levels = useStockLevels(chosen);
  const q = text.trim().toLowerCase();
  const shown = (levels.data?.items ?? []).filter((l) => !q || l.sku.toLowerCase().includes(q) || l.nameEn.toLowerCase().includes(q) || l.nameZh.includes(q));
  const columns: TableColumnsType<StockLevel> = [
    { title: 'SKU', key: 'sku', render: (_, l) => <span className="num">{l.sku}</span> },
    { title: t('office.stock.product'), key: 'name', render: (_, l) => pickName(l) },
    {
      title: t('office.stock.onHand'), key: 'quantity', align: 'right', sorter: (a, b) => a.quantity - b.quantity,
      render: (_, l) => <>{l.quantity < 0 && <Tag color="#a8071a">{t('office.stock.belowZero')}</Tag>}<span className="num">{l.quantity}</span></>,
    },
    { title: t('office.stock.inTransit'), key: 'inTransit', align: 'right', sorter: (a, b) => a.inTransit - b.inTransit, render: (_, l) => <span className="num">{l.inTransit || '—'}</span> },
  ];
  return (
    <section className="office-page" data-testid="stock-levels-screen">
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('office.stock.levelsTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('office.stock.levelsHint')}</Typography.Paragraph>
      </header>
      <Card title={
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('office.stock.place')} htmlFor="stock-place">
            <Select id="stock-place" style={{ minWidth: 280 }} showSearch optionFilterProp="label" value={chosen} onChange={(v: string) => setPlaceId(v)} options={places} />
          </Form.Item>
          <Form.Item label={t('office.stock.find')} htmlFor="stock-find">
            <Input id="stock-find" allowClear value={text} onChange={(e) => setText(e.target.value)} placeholder={t('office.stock.findHint')} />
          </Form.Item>
        </Form>
      }>
        <HqErrorAlert error={stores.error ?? warehouses.error ?? levels.error} />
        <Table<StockLevel> rowKey="productId" size="small" loading={levels.isLoading} dataSource={shown} columns={columns} data-testid="stock-levels-table"
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }} />
      </Card>
    </section>
  );
}
