import { Alert, App, Button, Card, Checkbox, Empty, Form, Input, InputNumber, Pagination, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { allocationWhyText, checkAdjustedAllocation, type Allocation, type AllocationLine, type AllocationProduct, type AllocationSummary } from '@pos/shared';
import { useAllocations, useRequisitions, useWarehouses, type AllocationPage } from '../features/office-stock/use-stock';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime } from '../i18n/translate';
import { HqErrorAlert } from './hq-error';
import { AllocationStatusTag } from './stock-tags';

const lineKey = (l: { storeId: string; productId: string }) => `${l.storeId}|${l.productId}`;

/** A store's line of a product on the page, with its product beside it. */
type PageLine = AllocationLine & { product: AllocationProduct; productId: string; first: boolean };

/** A manager's change of a line, kept across pages until it is saved: what it was, and what it is now. */
interface Edit {
  storeId: string;
  productId: string;
  was: number;
  quantity: number;
}

/** Per product of the page: what the centre held for it, what its lines (with the manager's changes) take, and whether that may ship. */
function productChecks(products: readonly AllocationProduct[], edits: ReadonlyMap<string, Edit>) {
  const checks = new Map<string, { total: number; over: boolean; notPacks: boolean }>();
  for (const p of products) {
    const quantities = new Map(p.lines.map((l) => [l.storeId, edits.get(lineKey({ storeId: l.storeId, productId: p.productId }))?.quantity ?? l.quantity]));
    const problems = checkAdjustedAllocation({ available: p.available, packSize: p.packSize, storeIds: p.lines.map((l) => l.storeId) }, quantities);
    checks.set(p.productId, {
      total: [...quantities.values()].reduce((sum, q) => sum + q, 0),
      over: problems.some((x) => x.code === 'MORE_THAN_AVAILABLE'),
      notPacks: problems.some((x) => x.code !== 'MORE_THAN_AVAILABLE'),
    });
  }
  return checks;
}

/** A page of an allocation's products, each with its stores' facts, the proposal and why, and (for a draft) what ships, changeable in whole packs. */
function AllocationLines({ allocation, edits, onEdit }: { allocation: Allocation; edits: ReadonlyMap<string, Edit>; onEdit: (line: PageLine, quantity: number) => void }) {
  const { t, locale, pickName } = useI18n();
  const products = allocation.products.items;
  const checks = useMemo(() => productChecks(products, edits), [products, edits]);
  const draft = allocation.status === 'draft';
  const rows: PageLine[] = products.flatMap((p) => p.lines.map((l, i) => ({ ...l, product: p, productId: p.productId, first: i === 0 })));
  const columns: TableColumnsType<PageLine> = [
    {
      title: t('office.stock.product'), key: 'product', onCell: (l) => ({ rowSpan: l.first ? l.product.lines.length : 0 }),
      render: (_, l) => {
        const p = l.product;
        const check = checks.get(p.productId);
        return (
          <div data-testid="allocation-product" data-sku={p.sku}>
            <strong>{p.sku} · {pickName(p)}</strong>
            <div>{t('office.stock.packOf', { size: String(p.packSize) })}</div>
            {check && (
              <div className={check.over ? 'office-problem' : undefined} data-testid="allocation-total">
                {draft ? t('office.stock.allocatedOf', { total: String(check.total), available: String(p.available) }) : t('office.stock.sentInAll', { total: String(check.total) })}
              </div>
            )}
            {p.short && <Tag color="#ad4e00" data-testid="allocation-product-short">{t('office.stock.productShort')}</Tag>}
            {check?.over && <Tag color="#a8071a">{t('office.stock.moreThanHeld')}</Tag>}
            {check?.notPacks && <Tag color="#a8071a">{t('office.stock.notWholePacks', { size: String(p.packSize) })}</Tag>}
          </div>
        );
      },
    },
    { title: t('office.stock.store'), key: 'store', dataIndex: 'storeCode' },
    { title: t('office.stock.priority'), key: 'priority', align: 'right', render: (_, l) => <span className="num">{l.why.priority}</span> },
    { title: t('office.stock.col.asked'), key: 'asked', align: 'right', render: (_, l) => <span className="num">{l.why.asked ?? '—'}</span> },
    { title: t('office.stock.onHand'), key: 'onHand', align: 'right', render: (_, l) => <span className="num">{l.why.onHand ?? '—'}</span> },
    { title: t('office.stock.inTransit'), key: 'inTransit', align: 'right', render: (_, l) => <span className="num">{l.why.inTransit ?? '—'}</span> },
    { title: t('office.stock.proposed'), key: 'proposed', align: 'right', render: (_, l) => <span className="num">{l.proposed}</span> },
    {
      title: t('office.stock.ships'), key: 'quantity', align: 'right',
      render: (_, l) => draft ? (
        <InputNumber size="small" min={0} max={1_000_000} step={l.product.packSize} precision={0} value={edits.get(lineKey(l))?.quantity ?? l.quantity}
          onChange={(v) => onEdit(l, v ?? 0)} aria-label={t('office.stock.shipsTo', { store: l.storeCode, product: l.product.sku })} style={{ width: 96 }} data-testid="allocation-quantity" />
      ) : <span className="num">{l.quantity}</span>,
    },
    {
      title: t('office.stock.why'), key: 'why',
      render: (_, l) => <span data-testid="allocation-why">{allocationWhyText({ storeId: l.storeId, packs: l.proposed / l.product.packSize, quantity: l.proposed, why: l.why }, l.product.packSize, locale === 'en' ? 'en' : 'zh-CN')}</span>,
    },
  ];
  return <Table<PageLine> rowKey={lineKey} size="small" bordered pagination={false} dataSource={rows} columns={columns} data-testid="allocation-lines" />;
}

/** Products shown a page at a time: a chain's run holds thousands, each with a line per store. */
const PRODUCTS_PER_PAGE = 10;

/** A draft or past allocation: its totals, a page of its products, and for a draft the manager's changes, shipping and cancelling. */
function AllocationCard({ id, warehouseName, onShipped }: { id: string; warehouseName: string; onShipped: (id: string) => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [page, setPage] = useState<AllocationPage>({ offset: 0, limit: PRODUCTS_PER_PAGE, short: false, q: '' });
  const { open, adjust, ship, cancel } = useAllocations(undefined, id, page);
  const [edits, setEdits] = useState<ReadonlyMap<string, Edit>>(new Map());
  const allocation = open.data;
  useEffect(() => setEdits(new Map()), [id, allocation?.status]);
  if (!allocation) return <Card loading={open.isLoading}><HqErrorAlert error={open.error} /></Card>;
  const changed = [...edits.values()].filter((e) => e.quantity !== e.was);
  const blocked = [...productChecks(allocation.products.items, edits).values()].some((c) => c.over || c.notPacks);
  const save = async () => {
    await adjust.mutateAsync({ id: allocation.id, body: { lines: changed.map(({ storeId, productId, quantity }) => ({ storeId, productId, quantity })) } });
    setEdits(new Map());
    void message.success(t('office.stock.saved'));
  };
  const draft = allocation.status === 'draft';
  const totals = allocation.totals;
  const filter = (next: Partial<AllocationPage>) => setPage((p) => ({ ...p, ...next, offset: 0 }));
  return (
    <Card data-testid="allocation" data-status={allocation.status}
      title={<Space><span>{t('office.stock.allocationNo', { no: allocation.no })}</span><AllocationStatusTag status={allocation.status} /></Space>}
      extra={draft && (
        <Space>
          <Button onClick={() => void save()} disabled={changed.length === 0 || blocked} loading={adjust.isPending} data-testid="allocation-save">{t('office.stock.saveChanges')}</Button>
          <Popconfirm title={t('office.stock.shipConfirm', { warehouse: warehouseName })} okText={t('office.stock.ship')} cancelText={t('office.stock.keep')}
            onConfirm={async () => { const shipped = await ship.mutateAsync(allocation.id); onShipped(shipped.id); void message.success(t('office.stock.shipped', { no: shipped.no })); }}>
            <Button type="primary" disabled={changed.length > 0 || blocked} loading={ship.isPending} data-testid="allocation-ship">{t('office.stock.ship')}</Button>
          </Popconfirm>
          <Popconfirm title={t('office.stock.cancelAllocationConfirm')} okText={t('office.stock.cancelAllocation')} cancelText={t('office.stock.keep')}
            onConfirm={async () => { await cancel.mutateAsync(allocation.id); void message.success(t('office.stock.allocationCancelled', { no: allocation.no })); }}>
            <Button danger loading={cancel.isPending} data-testid="allocation-cancel">{t('office.stock.cancelAllocation')}</Button>
          </Popconfirm>
        </Space>
      )}>
      <Typography.Paragraph type="secondary">
        {t('office.stock.allocatedAt', { at: formatDateTime(locale, allocation.createdAt) })}
        {allocation.shippedAt && ` · ${t('office.stock.shippedAt', { at: formatDateTime(locale, allocation.shippedAt) })}`}
      </Typography.Paragraph>
      <Typography.Paragraph data-testid="allocation-totals">
        {t('office.stock.allocationTotals', { products: String(totals.products), stores: String(totals.stores), claims: String(totals.claims), units: String(totals.units) })}
      </Typography.Paragraph>
      {draft && totals.productsShort > 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="allocation-short" title={t('office.stock.shortExplained', { count: String(totals.productsShort) })} />}
      {draft && changed.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('office.stock.unsaved', { count: String(changed.length) })} />}
      <HqErrorAlert error={open.error ?? adjust.error ?? ship.error ?? cancel.error} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('office.stock.findProduct')} aria-label={t('office.stock.findProduct')} style={{ width: 280 }}
          onSearch={(q) => filter({ q: q.trim() })} data-testid="allocation-search" />
        <Checkbox checked={page.short} onChange={(e) => filter({ short: e.target.checked })} data-testid="allocation-short-only">{t('office.stock.shortOnly')}</Checkbox>
      </Space>
      <AllocationLines allocation={allocation} edits={edits}
        onEdit={(l, q) => setEdits((m) => new Map(m).set(lineKey(l), { storeId: l.storeId, productId: l.productId, was: m.get(lineKey(l))?.was ?? l.quantity, quantity: q }))} />
      <Pagination style={{ marginTop: 12 }} size="small" current={page.offset / page.limit + 1} pageSize={page.limit} total={allocation.products.total} showSizeChanger={false} hideOnSinglePage
        showTotal={(total) => t('office.stock.productsMatching', { count: String(total) })}
        onChange={(n) => setPage((p) => ({ ...p, offset: (n - 1) * p.limit }))} data-testid="allocation-pages" />
    </Card>
  );
}

/**
 * HQ's allocation (总部配送): the centre's stock shared over the stores' waiting requisitions, by
 * store priority, then in proportion to need, in whole packs, each share explained; changed in
 * whole packs before it ships (never more than the centre holds), shipped or cancelled. HQ only.
 */
export function AllocationScreen() {
  const { t, locale, pickName } = useI18n();
  const { message } = App.useApp();
  const warehouses = useWarehouses();
  const [warehouseId, setWarehouseId] = useState<string | undefined>(undefined);
  const chosen = warehouseId ?? warehouses.data?.items[0]?.id;
  const [viewing, setViewing] = useState<string | undefined>(undefined);
  const { list } = useAllocations(chosen, undefined);
  const draft = list.data?.items.find((a) => a.status === 'draft');
  const openId = viewing ?? draft?.id;
  const { run } = useAllocations(chosen, undefined);
  const waiting = useRequisitions({ status: 'asked', warehouseId: chosen });
  const waitingHere = waiting.list.data?.items ?? [];
  const warehouse = warehouses.data?.items.find((w) => w.id === chosen);
  const history: TableColumnsType<AllocationSummary> = [
    { title: t('office.stock.no'), key: 'no', render: (_, a) => <span className="num">{a.no}</span> },
    { title: t('office.stock.status'), key: 'status', render: (_, a) => <AllocationStatusTag status={a.status} /> },
    { title: t('office.stock.allocatedAtColumn'), key: 'createdAt', render: (_, a) => <span className="num">{formatDateTime(locale, a.createdAt)}</span> },
    { title: t('office.stock.shippedAtColumn'), key: 'shippedAt', render: (_, a) => <span className="num">{a.shippedAt ? formatDateTime(locale, a.shippedAt) : '—'}</span> },
    { title: t('office.stock.stores'), key: 'stores', align: 'right', render: (_, a) => <span className="num">{a.stores}</span> },
    { title: t('office.stock.units'), key: 'units', align: 'right', render: (_, a) => <span className="num">{a.units}</span> },
    { title: t('office.catalog.actions'), key: 'view', render: (_, a) => <Button size="small" onClick={() => setViewing(a.id)} aria-label={`${t('office.stock.view')} ${a.no}`}>{t('office.stock.view')}</Button> },
  ];
  return (
    <section className="office-page" data-testid="allocation-screen">
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('office.stock.allocationTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('office.stock.allocationHint')}</Typography.Paragraph>
      </header>
      <Card>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('office.stock.warehouse')} htmlFor="allocation-warehouse">
            <Select id="allocation-warehouse" style={{ minWidth: 280 }} value={chosen} onChange={(v: string) => { setWarehouseId(v); setViewing(undefined); }}
              options={(warehouses.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.code} · ${pickName(w)}` }))} />
          </Form.Item>
          <Form.Item>
            <Typography.Text data-testid="allocation-waiting">{t('office.stock.waiting', { count: String(waitingHere.length), stores: String(new Set(waitingHere.map((r) => r.storeId)).size) })}</Typography.Text>
          </Form.Item>
          {!draft && (
            <Form.Item>
              <Button type="primary" disabled={!chosen || waitingHere.length === 0} loading={run.isPending} data-testid="allocation-run"
                onClick={async () => { const made = await run.mutateAsync(chosen!); setViewing(undefined); void message.success(t('office.stock.allocatedDone', { no: made.no })); }}>
                {t('office.stock.runAllocation')}
              </Button>
            </Form.Item>
          )}
          {viewing && draft && viewing !== draft.id && <Form.Item><Button onClick={() => setViewing(undefined)}>{t('office.stock.backToDraft')}</Button></Form.Item>}
        </Form>
        <HqErrorAlert error={warehouses.error ?? list.error ?? run.error} />
      </Card>
      {openId ? <AllocationCard key={openId} id={openId} warehouseName={warehouse ? pickName(warehouse) : ''} onShipped={setViewing} /> : !list.isLoading && <Card><Empty description={t('office.stock.noDraft')} /></Card>}
      <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('office.stock.allocationHistory')}</Typography.Title>}>
        <Table<AllocationSummary> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items ?? []} columns={history} pagination={{ pageSize: 10, hideOnSinglePage: true }} data-testid="allocation-history" />
      </Card>
    </section>
  );
}
