import { Alert, Button, Card, Checkbox, Form, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { replenishmentWhyText, type ReplenishmentAskResult, type ReplenishmentSuggestionItem } from '@pos/shared';
import { useOfficePermissions } from '../features/office-core/office-context';
import { useScopeStores } from '../features/office-core/office-queries';
import { useReplenishment } from '../features/office-replenishment/use-replenishment';
import { useWarehouses } from '../features/office-stock/use-stock';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';
import { ReplenishmentRulesCard } from './replenishment-rules-card';

/**
 * Replenishment (补货建议): a store's rules and what each suggests now, with its why in words; the
 * ticked suggestions become one requisition to the chosen centre, whose number is shown.
 */
export function ReplenishmentScreen() {
  const { t, locale, pickName } = useI18n();
  const mayEdit = useOfficePermissions().modules.stock === 'edit';
  const stores = useScopeStores();
  const warehouses = useWarehouses();
  const openStores = (stores.data ?? []).filter((s) => s.active);
  const [storeId, setStoreId] = useState<string | undefined>(undefined);
  const [warehouseId, setWarehouseId] = useState<string | undefined>(undefined);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [asked, setAsked] = useState<ReplenishmentAskResult | null>(null);
  const replenishment = useReplenishment(storeId);
  const { suggestions, ask } = replenishment;
  const firstStore = openStores[0]?.id;
  const firstWarehouse = warehouses.data?.items.find((w) => w.active)?.id;
  useEffect(() => setStoreId((current) => current ?? firstStore), [firstStore]);
  useEffect(() => setWarehouseId((current) => current ?? firstWarehouse), [firstWarehouse]);
  useEffect(() => setChosen(new Set()), [storeId]);

  const items = suggestions.data?.items ?? [];
  const askable = items.filter((s) => s.quantity > 0);
  const picked = askable.filter((s) => chosen.has(s.productId));
  const toggle = (productId: string, on: boolean) => setChosen((now) => {
    const next = new Set(now);
    if (on) next.add(productId);
    else next.delete(productId);
    return next;
  });
  const askChosen = async () => {
    if (!storeId || !warehouseId) return;
    const result = await ask.mutateAsync({ storeId, warehouseId, productIds: picked.map((s) => s.productId) });
    setAsked(result);
    setChosen(new Set());
  };
  const columns: TableColumnsType<ReplenishmentSuggestionItem> = [
    ...(mayEdit ? [{
      title: t('office.replenishment.choose'), key: 'choose', width: 64,
      render: (_: unknown, s: ReplenishmentSuggestionItem) => s.quantity > 0 && (
        <Checkbox checked={chosen.has(s.productId)} onChange={(e) => toggle(s.productId, e.target.checked)} aria-label={t('office.replenishment.chooseOne', { sku: s.sku })} />
      ),
    }] : []),
    { title: t('office.replenishment.product'), key: 'product', render: (_, s) => `${s.sku} · ${pickName(s)}` },
    { title: t('office.replenishment.policy'), key: 'policy', render: (_, s) => t(`office.replenishment.policy.${s.why.policy}`) },
    {
      title: t('office.replenishment.quantity'), key: 'quantity', align: 'right',
      render: (_, s) => (s.quantity > 0
        ? <span className="num" data-testid="replenishment-quantity">{s.quantity} <Typography.Text type="secondary">({t('office.replenishment.packsOf', { packs: String(s.packs), pack: String(s.packSize) })})</Typography.Text></span>
        : '—'),
    },
    { title: t('office.replenishment.why'), key: 'why', render: (_, s) => <span data-testid="replenishment-why">{replenishmentWhyText(s, locale === 'en' ? 'en' : 'zh-CN')}</span> },
  ];
  return (
    <section className="office-page" data-testid="replenishment-screen">
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('office.replenishment.title')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('office.replenishment.hint')}</Typography.Paragraph>
      </header>
      <Card
        title={
          <Form layout="inline" style={{ rowGap: 8 }}>
            <Form.Item label={t('office.stock.store')} htmlFor="replenishment-store">
              <Select id="replenishment-store" style={{ minWidth: 220 }} value={storeId} placeholder={t('office.replenishment.chooseStore')} showSearch optionFilterProp="label"
                onChange={(v: string) => { setStoreId(v); setAsked(null); }} options={openStores.map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` }))} />
            </Form.Item>
            {mayEdit && (
              <Form.Item label={t('office.stock.warehouse')} htmlFor="replenishment-warehouse">
                <Select id="replenishment-warehouse" style={{ minWidth: 220 }} value={warehouseId} onChange={(v: string) => setWarehouseId(v)}
                  options={(warehouses.data?.items ?? []).filter((w) => w.active).map((w) => ({ value: w.id, label: `${w.code} · ${pickName(w)}` }))} />
              </Form.Item>
            )}
          </Form>
        }
        extra={mayEdit && (
          <Button type="primary" disabled={picked.length === 0 || !warehouseId} loading={ask.isPending} onClick={() => void askChosen().catch(() => undefined)} data-testid="replenishment-ask">
            {t('office.replenishment.askChosen', { count: String(picked.length) })}
          </Button>
        )}>
        {asked && (
          <Alert type="success" showIcon style={{ marginBottom: 12 }} data-testid="replenishment-asked"
            title={t('office.replenishment.asked', { no: asked.requisition.no, count: String(asked.requisition.lines.length) })}
            description={asked.skipped.length > 0 ? t('office.replenishment.skipped', { count: String(asked.skipped.length) }) : undefined} />
        )}
        <HqErrorAlert error={suggestions.error ?? ask.error} />
        <Typography.Title level={2} style={{ fontSize: 16 }}>{t('office.replenishment.suggestions')}</Typography.Title>
        <Table<ReplenishmentSuggestionItem> rowKey="productId" size="small" loading={suggestions.isLoading} dataSource={items} columns={columns} data-testid="replenishment-suggestions"
          pagination={{ pageSize: 50, hideOnSinglePage: true }} locale={{ emptyText: t('office.replenishment.nothing') }} />
      </Card>
      {storeId && <ReplenishmentRulesCard replenishment={replenishment} mayEdit={mayEdit} />}
    </section>
  );
}
