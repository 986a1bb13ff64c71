import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ProductPage, type StockCountBody, type StockCountLine, type StockCountStatus, type StockCountSummary } from '@pos/shared';
import { unwrap } from '../features/office-core/hq-query';
import { useOfficeHttp, useOfficePermissions } from '../features/office-core/office-context';
import { useCategories, useScopeStores } from '../features/office-core/office-queries';
import { encodeTableParams } from '../features/office-core/server-table-params';
import { useCount, useCounts } from '../features/office-stock/use-store-stock';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime } from '../i18n/translate';
import { HqErrorAlert, markHqFieldErrors } from './hq-error';

type OpenForm = { storeId: string; scope: StockCountBody['scope']; categoryId?: string; shelf?: string; note?: string };

const countColour: Record<StockCountStatus, string | undefined> = { open: '#874d00', posted: '#237804', cancelled: undefined };

function CountStatusTag({ status }: { status: StockCountStatus }) {
  const { t } = useI18n();
  return <Tag color={countColour[status]} data-status={status}>{t(`office.counts.status.${status}`)}</Tag>;
}

/** A count's difference in units: missing in red, found over the book in blue. */
function CountDifference({ difference }: { difference: number | null }) {
  if (difference === null) return <span>—</span>;
  if (difference === 0) return <span className="num">0</span>;
  return <Tag color={difference < 0 ? '#a8071a' : '#0958d9'} data-testid="count-difference"><span className="num">{difference > 0 ? `+${difference}` : difference}</span></Tag>;
}

/** Open a count sheet: the store's book is frozen now, for the whole store, a category, or a shelf counted as found. */
function OpenCountModal({ onClose, onOpened }: { onClose: () => void; onOpened: (id: string) => void }) {
  const { t, pickName } = useI18n();
  const stores = useScopeStores();
  const categories = useCategories();
  const { open } = useCounts({});
  const [form] = Form.useForm<OpenForm>();
  const scope = Form.useWatch('scope', form);
  const submit = async ({ storeId, scope: chosen, categoryId, shelf, note }: OpenForm) => {
    const extra = note ? { note } : {};
    const body: StockCountBody = chosen === 'category' ? { storeId, scope: 'category', categoryId: categoryId ?? '', ...extra }
      : chosen === 'shelf' ? { storeId, scope: 'shelf', shelf: shelf ?? '', ...extra } : { storeId, scope: 'store', ...extra };
    try {
      onOpened((await open.mutateAsync(body)).id);
    } catch (error) {
      markHqFieldErrors(form, error, t('office.error.fieldRefused'));
    }
  };
  return (
    <Modal open title={t('office.counts.open')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={open.isPending} okText={t('office.counts.openNow')} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('office.counts.openHint')}</Typography.Paragraph>
      <HqErrorAlert error={open.error} />
      <Form form={form} layout="vertical" initialValues={{ scope: 'category' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="storeId" label={t('office.stock.store')} htmlFor="count-store" rules={[{ required: true, message: t('office.stock.chooseStore') }]}>
          <Select id="count-store" showSearch optionFilterProp="label" options={(stores.data ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` }))} />
        </Form.Item>
        <Form.Item name="scope" label={t('office.counts.scope')}>
          <Radio.Group options={(['store', 'category', 'shelf'] as const).map((s) => ({ value: s, label: t(`office.counts.scope.${s}`) }))} />
        </Form.Item>
        {scope === 'category' && (
          <Form.Item name="categoryId" label={t('office.counts.category')} htmlFor="count-category" rules={[{ required: true, message: t('office.counts.chooseCategory') }]}>
            <Select id="count-category" showSearch optionFilterProp="label" options={(categories.data ?? []).filter((c) => c.active).map((c) => ({ value: c.id, label: `${c.code} · ${pickName(c)}` }))} />
          </Form.Item>
        )}
        {scope === 'shelf' && (
          <Form.Item name="shelf" label={t('office.counts.shelf')} htmlFor="count-shelf" rules={[{ required: true, message: t('office.counts.enterShelf') }, { max: 40 }]}>
            <Input id="count-shelf" placeholder="A-01" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('office.stock.note')} htmlFor="count-note" rules={[{ max: 200 }]}><Input id="count-note" /></Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * One count sheet: scan a barcode (one scan, one unit) or type a count per line, see what each
 * difference would post, and post them with a manager's approval.
 */
function CountSheet({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, locale, pickName } = useI18n();
  const { message } = App.useApp();
  const http = useOfficeHttp();
  const mayEdit = useOfficePermissions().modules.stock === 'edit';
  const { count, enter, post, cancel } = useCount(id);
  const [code, setCode] = useState('');
  const [scanError, setScanError] = useState<string | null>(null);
  const [uncounted, setUncounted] = useState<'keep' | 'zero'>('keep');
  const sheet = count.data;
  const editable = mayEdit && sheet?.status === 'open';

  /** A scanned or typed barcode or SKU: the one product it names gets one more. */
  const scan = async () => {
    const text = code.trim();
    if (!text) return;
    setScanError(null);
    const found = await unwrap(http({ method: 'GET', path: `/catalog/products?${encodeTableParams({ limit: 5, offset: 0, q: text, filters: {} })}`, schema: ProductPage }));
    const exact = found.items.filter((i) => i.barcodes.includes(text) || i.product.sku === text);
    if (exact.length !== 1) {
      setScanError(t('office.counts.notFound', { code: text }));
      return;
    }
    await enter.mutateAsync({ lines: [{ productId: exact[0]!.product.id, quantity: 1, mode: 'add' }] });
    setCode('');
  };
  const setCounted = (productId: string, quantity: number | null) => {
    if (quantity === null) return;
    void enter.mutateAsync({ lines: [{ productId, quantity, mode: 'set' }] });
  };
  if (!sheet) return <Card loading={count.isLoading}><HqErrorAlert error={count.error} /></Card>;

  const columns: TableColumnsType<StockCountLine> = [
    { title: t('office.stock.product'), key: 'product', render: (_, l) => `${l.sku} · ${pickName(l)}` },
    { title: t('office.counts.book'), key: 'book', align: 'right', render: (_, l) => <span className="num">{l.book}</span> },
    {
      title: t('office.counts.counted'), key: 'counted', align: 'right',
      render: (_, l) => editable
        ? <InputNumber size="small" min={0} max={1_000_000} precision={0} defaultValue={l.counted ?? undefined} key={`${l.productId}-${l.counted ?? ''}`} style={{ width: 96 }}
            aria-label={t('office.counts.countedOf', { product: l.sku })} data-testid="count-quantity" onBlur={(e) => setCounted(l.productId, e.target.value === '' ? null : Number(e.target.value))}
            onPressEnter={(e) => setCounted(l.productId, (e.target as HTMLInputElement).value === '' ? null : Number((e.target as HTMLInputElement).value))} />
        : <span className="num">{l.counted ?? '—'}</span>,
    },
    { title: t('office.counts.expected'), key: 'expected', align: 'right', render: (_, l) => <span className="num">{l.expected ?? '—'}</span> },
    { title: t('office.stock.difference'), key: 'difference', render: (_, l) => <CountDifference difference={l.difference} /> },
    { title: t('office.counts.countedAt'), key: 'countedAt', render: (_, l) => <span className="num">{l.countedAt ? formatDateTime(locale, l.countedAt) : '—'}</span> },
  ];
  const where = sheet.scope === 'category' && sheet.category ? pickName(sheet.category) : sheet.scope === 'shelf' ? sheet.shelf : t('office.counts.scope.store');
  return (
    <Card data-testid="count-sheet"
      title={<Space wrap><span className="num">{sheet.no}</span><span>{sheet.storeCode} · {where}</span><CountStatusTag status={sheet.status} /></Space>}
      extra={<Button onClick={onClose}>{t('office.transfers.close')}</Button>}>
      <Typography.Paragraph type="secondary">
        {t('office.counts.sheetHint', { at: formatDateTime(locale, sheet.startedAt) })}
      </Typography.Paragraph>
      {sheet.status === 'open' && sheet.waitingOnTills > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="count-waiting" message={t('office.counts.waiting', { count: String(sheet.waitingOnTills) })} />
      )}
      <HqErrorAlert error={enter.error ?? post.error ?? cancel.error} />
      {editable && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Input id="count-scan" style={{ width: 360 }} value={code} onChange={(e) => setCode(e.target.value)} onPressEnter={() => void scan()} autoFocus
            placeholder={t('office.counts.scanPlaceholder')} aria-label={t('office.counts.scan')} data-testid="count-scan" />
          <Button onClick={() => void scan()} loading={enter.isPending}>{t('office.counts.addOne')}</Button>
          {scanError && <Typography.Text type="danger" role="alert">{scanError}</Typography.Text>}
        </Space>
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('office.counts.progress', { counted: String(sheet.counted), lines: String(sheet.lines.length) })}</span>
        <span>{t('office.counts.differenceUnits')}: <CountDifference difference={sheet.differenceUnits} /></span>
        {sheet.postedAt && <span>{t('office.counts.postedBy', { name: sheet.postedBy ?? '—', at: formatDateTime(locale, sheet.postedAt) })}</span>}
      </Space>
      <Table<StockCountLine> rowKey="productId" size="small" dataSource={sheet.lines} columns={columns} pagination={{ pageSize: 50, hideOnSinglePage: true }} data-testid="count-lines" />
      {editable && (
        <Space wrap style={{ marginTop: 12 }}>
          <Radio.Group value={uncounted} onChange={(e) => setUncounted(e.target.value as 'keep' | 'zero')} aria-label={t('office.counts.uncounted')}
            options={[{ value: 'keep', label: t('office.counts.uncounted.keep') }, { value: 'zero', label: t('office.counts.uncounted.zero') }]} />
          <Popconfirm title={t('office.counts.postConfirm', { units: String(sheet.differenceUnits) })} okText={t('office.counts.post')} cancelText={t('office.transfers.close')}
            onConfirm={async () => { const done = await post.mutateAsync({ uncounted }); void message.success(t('office.counts.postedDone', { no: done.no })); }}>
            <Button type="primary" data-testid="count-post" loading={post.isPending}>{t('office.counts.post')}</Button>
          </Popconfirm>
          <Popconfirm title={t('office.counts.cancelConfirm')} okText={t('office.counts.cancel')} cancelText={t('office.transfers.close')} onConfirm={() => cancel.mutateAsync()}>
            <Button danger data-testid="count-cancel">{t('office.counts.cancel')}</Button>
          </Popconfirm>
        </Space>
      )}
    </Card>
  );
}

/**
 * Stock counts (盘点) of the stores in scope. A count freezes the book at its start; each line
 * expects the book plus what happened before it was counted, so the store keeps selling.
 */
export function CountsScreen() {
  const { t, locale, pickName } = useI18n();
  const mayEdit = useOfficePermissions().modules.stock === 'edit';
  const stores = useScopeStores();
  const [storeId, setStoreId] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<StockCountStatus | undefined>(undefined);
  const [opening, setOpening] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const { list } = useCounts({ storeId, status });
  const columns: TableColumnsType<StockCountSummary> = [
    { title: t('office.stock.no'), key: 'no', render: (_, c) => <span className="num">{c.no}</span> },
    { title: t('office.stock.store'), key: 'store', dataIndex: 'storeCode' },
    { title: t('office.counts.scope'), key: 'scope', render: (_, c) => (c.scope === 'category' && c.category ? pickName(c.category) : c.scope === 'shelf' ? `${t('office.counts.scope.shelf')} ${c.shelf}` : t('office.counts.scope.store')) },
    { title: t('office.stock.status'), key: 'status', render: (_, c) => <CountStatusTag status={c.status} /> },
    { title: t('office.counts.startedAt'), key: 'startedAt', render: (_, c) => <span className="num">{formatDateTime(locale, c.startedAt)}</span> },
    { title: t('office.counts.counted'), key: 'counted', align: 'right', render: (_, c) => <span className="num">{c.counted} / {c.lineCount}</span> },
    { title: t('office.counts.differenceUnits'), key: 'difference', render: (_, c) => (c.status === 'posted' ? <CountDifference difference={c.differenceUnits} /> : '—') },
    {
      title: t('office.catalog.actions'), key: 'actions',
      render: (_, c) => <Button size="small" onClick={() => setShown(c.id)} aria-label={`${t('office.counts.show')} ${c.no}`} data-testid="count-show">{t('office.counts.show')}</Button>,
    },
  ];
  return (
    <section className="office-page" data-testid="counts-screen">
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('office.counts.title')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('office.counts.hint')}</Typography.Paragraph>
      </header>
      {shown && <CountSheet key={shown} id={shown} onClose={() => setShown(null)} />}
      <Card
        title={
          <Form layout="inline" style={{ rowGap: 8 }}>
            <Form.Item label={t('office.stock.store')} htmlFor="counts-store">
              <Select id="counts-store" style={{ minWidth: 220 }} value={storeId ?? ''} onChange={(v: string) => setStoreId(v === '' ? undefined : v)}
                options={[{ value: '', label: t('office.approvals.allStores') }, ...(stores.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` }))]} />
            </Form.Item>
            <Form.Item label={t('office.stock.status')} htmlFor="counts-status">
              <Select id="counts-status" style={{ minWidth: 160 }} value={status ?? ''} onChange={(v: string) => setStatus(v === '' ? undefined : (v as StockCountStatus))}
                options={[{ value: '', label: t('office.stock.anyStatus') }, ...(['open', 'posted', 'cancelled'] as const).map((s) => ({ value: s, label: t(`office.counts.status.${s}`) }))]} />
            </Form.Item>
          </Form>
        }
        extra={mayEdit && <Button type="primary" onClick={() => setOpening(true)} data-testid="count-open">{t('office.counts.open')}</Button>}>
        <HqErrorAlert error={list.error} />
        <Table<StockCountSummary> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items ?? []} columns={columns} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="counts-table" />
      </Card>
      {opening && <OpenCountModal onClose={() => setOpening(false)} onOpened={(id) => { setOpening(false); setShown(id); }} />}
    </section>
  );
}
