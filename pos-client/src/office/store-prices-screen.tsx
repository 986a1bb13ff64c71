import { Alert, Button, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { StorePriceRow } from '@pos/shared';
import { formatMoneyText } from '../features/office-core/format-amount';
import { useOfficeUser } from '../features/office-core/office-context';
import { useScopeStores } from '../features/office-core/office-queries';
import { useServerTable } from '../features/office-core/use-server-table';
import { maySetStorePrices } from '../features/office-store-prices/may-set-store-prices';
import { storePricePage, storePricesKey, useStorePricingSettings } from '../features/office-store-prices/use-store-prices';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';
import { PriceBandDialog } from './price-band-dialog';
import { StorePriceActions } from './store-price-actions';
import { StorePriceDialog } from './store-price-dialog';
import { policyLabel, StorePricingPolicyCard } from './store-pricing-policy-card';

/** 门店价格: a store's own prices next to the chain price and HQ's band; HQ also sets the policy and the bands. */
export function StorePricesScreen() {
  const { t, pickName } = useI18n();
  const user = useOfficeUser();
  const isHq = user.role === 'hq_admin';
  const stores = useScopeStores();
  const settings = useStorePricingSettings();
  const [chosen, setChosen] = useState<string | null>(null);
  const storeId = chosen ?? stores.data?.[0]?.id ?? null;
  const table = useServerTable({ queryKey: storePricesKey, path: '/pricing/store-prices', schema: storePricePage, filters: { storeId: storeId ?? undefined }, enabled: storeId !== null });
  const [pricing, setPricing] = useState<StorePriceRow | null>(null);
  const [banding, setBanding] = useState<StorePriceRow | null>(null);
  const maySet = maySetStorePrices(user.role, settings.data?.storePricingPolicy);

  const money = (amount: number | null) => (amount === null ? '—' : formatMoneyText(amount));
  const columns: TableColumnsType<StorePriceRow> = [
    { title: t('office.storePrices.sku'), key: 'sku', render: (_, r) => r.product.sku, width: 120 },
    { title: t('office.storePrices.product'), key: 'name', render: (_, r) => pickName(r.product) },
    { title: t('office.storePrices.chainPrice'), key: 'chain', align: 'right', render: (_, r) => money(r.chainPriceMinor) },
    {
      title: t('office.storePrices.band'), key: 'band',
      render: (_, r) => r.band && (
        <Space size={6}>
          <span>{money(r.band.minMinor)} – {money(r.band.maxMinor)}</span>
          <Tag color={r.band.source === 'product' ? 'blue' : undefined}>{t(r.band.source === 'product' ? 'office.storePrices.bandProduct' : 'office.storePrices.bandDefault')}</Tag>
        </Space>
      ),
    },
    {
      title: t('office.storePrices.storePrice'), key: 'store', align: 'right',
      render: (_, r) => (
        <Space direction="vertical" size={0} align="end">
          <strong>{r.current ? money(r.current.amountMinor) : <Typography.Text type="secondary">{t('office.storePrices.none')}</Typography.Text>}</strong>
          {r.scheduled.map((s) => <Typography.Text key={s.id} type="secondary">{t('office.storePrices.scheduled', { amount: money(s.amountMinor), at: new Date(s.effectiveFrom ?? '').toLocaleString() })}</Typography.Text>)}
        </Space>
      ),
    },
    {
      title: t('office.storePrices.actions'), key: 'actions', width: 250,
      render: (_, r) => <StorePriceActions row={r} storeId={storeId!} maySet={maySet} isHq={isHq} onSet={setPricing} onBand={setBanding} />,
    },
  ];

  return (
    <div className="office-page">
      <header className="office-page-header">
        <div>
          <Typography.Title level={1}>{t('office.nav.storePrices')}</Typography.Title>
          <p>{t('office.storePrices.intro')}</p>
        </div>
      </header>
      {settings.data && (isHq ? <StorePricingPolicyCard settings={settings.data} /> : (
        <Alert type={maySet ? 'info' : 'warning'} showIcon title={t(policyLabel[settings.data.storePricingPolicy])}
          description={maySet ? t('office.storePrices.mayHint', { percent: settings.data.storePriceBandBp / 100 }) : t('office.storePrices.mayNotHint')} />
      ))}
      <div className="office-filters">
        <label className="office-filter-field">
          <span id="store-prices-store">{t('office.storePrices.store')}</span>
          <Select aria-labelledby="store-prices-store" style={{ width: 260 }} value={storeId ?? undefined} loading={stores.isLoading} onChange={setChosen}
            options={(stores.data ?? []).map((s) => ({ value: s.id, label: `${s.code} ${pickName(s)}` }))} />
        </label>
        <label className="office-filter-field office-filter-grow">
          <span>{t('office.storePrices.search')}</span>
          <Input.Search allowClear value={table.search} onChange={(e) => table.setSearch(e.target.value)} placeholder={t('office.storePrices.searchHint')} />
        </label>
      </div>
      <HqErrorAlert error={stores.error ?? table.query.error} />
      <Table<StorePriceRow> rowKey={(r) => r.product.id} columns={columns} {...table.tableProps} size="middle" />
      {pricing && storeId && <StorePriceDialog key={pricing.product.id} storeId={storeId} row={pricing} onClose={() => setPricing(null)} />}
      {banding && <PriceBandDialog key={banding.product.id} row={banding} onClose={() => setBanding(null)} />}
    </div>
  );
}
