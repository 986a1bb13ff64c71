import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { GoodsReceipt, PurchaseOrder, PurchaseOrderLine, PurchaseOrderStatus } from '@pos/shared';
import { formatMoneyText } from '../features/office-core/format-amount';
import { useOfficePermissions } from '../features/office-core/office-context';
import { usePurchaseOrders, useReceivingChoices } from '../features/office-stock-receiving/use-receiving';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime } from '../i18n/translate';
import { GoodsReceiptModal, newDocumentId, PlaceSupplierFields } from './goods-receipt-modal';
import { HqErrorAlert } from './hq-error';
import { costMinorOf, ReceivingLinesEditor, type DraftLine } from './receiving-lines-editor';
import { ReceivingNoteModal } from './receiving-note';

const statuses: readonly PurchaseOrderStatus[] = ['open', 'partly_received', 'received', 'cancelled'];
const statusColour: Record<PurchaseOrderStatus, string | undefined> = { open: '#0958d9', partly_received: '#874d00', received: '#237804', cancelled: undefined };

export function PurchaseOrderStatusTag({ status }: { status: PurchaseOrderStatus }) {
  const { t } = useI18n();
  return <Tag color={statusColour[status]} data-status={status}>{t(`office.receiving.status.${status}`)}</Tag>;
}

/** A new purchase order: a place, a supplier and lines, each at its cost or the one agreed with the supplier. */
function NewOrderModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { create } = usePurchaseOrders({});
  const [id] = useState(newDocumentId);
  const [placeId, setPlaceId] = useState<string>();
  const [supplierId, setSupplierId] = useState<string>();
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<DraftLine[]>([]);
  const submit = async () => {
    if (!placeId || !supplierId) return;
    const order = await create.mutateAsync({
      id, placeId, supplierId, ...(note ? { note } : {}),
      lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity, ...(l.cost === null ? {} : { unitCostMinor: costMinorOf(l.cost) }) })),
    });
    void message.success(t('office.receiving.orderedDone', { no: order.no }));
    onClose();
  };
  return (
    <Modal open title={t('office.receiving.newOrder')} onCancel={onClose} width={920} destroyOnHidden okText={t('office.receiving.placeOrder')}
      onOk={() => void submit().catch(() => undefined)} okButtonProps={{ disabled: !placeId || !supplierId || lines.length === 0 }} confirmLoading={create.isPending}>
      <Typography.Paragraph type="secondary">{t('office.receiving.newOrderHint')}</Typography.Paragraph>
      <HqErrorAlert error={create.error} />
      <PlaceSupplierFields idPrefix="order" placeId={placeId} supplierId={supplierId} onPlace={setPlaceId} onSupplier={setSupplierId} />
      <ReceivingLinesEditor idPrefix="order" lines={lines} onChange={setLines} />
      <Form layout="vertical" style={{ marginTop: 16 }}>
        <Form.Item label={t('office.stock.note')} htmlFor="order-note"><Input id="order-note" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} /></Form.Item>
      </Form>
    </Modal>
  );
}

function OrderLines({ order }: { order: PurchaseOrder }) {
  const { t, pickName } = useI18n();
  return (
    <Table<PurchaseOrderLine> rowKey="productId" size="small" pagination={false} dataSource={order.lines}
      columns={[
        { title: t('office.stock.product'), key: 'product', render: (_, l) => `${l.sku} · ${pickName(l)}` },
        { title: t('office.receiving.ordered'), key: 'quantity', align: 'right', render: (_, l) => <span className="num">{l.quantity}</span> },
        { title: t('office.stock.receivedQty'), key: 'received', align: 'right', render: (_, l) => <span className="num">{l.received}</span> },
        { title: t('office.receiving.outstanding'), key: 'outstanding', align: 'right', render: (_, l) => <span className="num" data-testid="order-outstanding">{l.outstanding}</span> },
        { title: t('office.receiving.unitCost'), key: 'cost', align: 'right', render: (_, l) => <span className="num">{l.unitCostMinor === null ? '—' : formatMoneyText(l.unitCostMinor)}</span> },
      ]} />
  );
}

/**
 * Purchase orders (采购订单) of the caller's places: order from a supplier, receive what came
 * (the difference against the order per line), cancel what will not come.
 */
export function PurchaseOrdersScreen() {
  const { t, locale, pickName } = useI18n();
  const mayEdit = useOfficePermissions().modules.stock === 'edit';
  const { places } = useReceivingChoices();
  const [placeId, setPlaceId] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<PurchaseOrderStatus | undefined>(undefined);
  const [ordering, setOrdering] = useState(false);
  const [receiving, setReceiving] = useState<PurchaseOrder | null>(null);
  const [received, setReceived] = useState<GoodsReceipt | null>(null);
  const { list, cancel } = usePurchaseOrders({ placeId, status });
  const awaiting = (o: PurchaseOrder) => o.status === 'open' || o.status === 'partly_received';
  const columns: TableColumnsType<PurchaseOrder> = [
    { title: t('office.stock.no'), key: 'no', render: (_, o) => <span className="num">{o.no}</span> },
    { title: t('office.receiving.supplier'), key: 'supplier', render: (_, o) => `${o.supplier.code} · ${o.supplier.name}` },
    { title: t('office.receiving.place'), key: 'place', render: (_, o) => `${o.place.code} · ${pickName(o.place)}` },
    { title: t('office.stock.status'), key: 'status', render: (_, o) => <PurchaseOrderStatusTag status={o.status} /> },
    { title: t('office.receiving.orderedAt'), key: 'createdAt', render: (_, o) => <span className="num">{formatDateTime(locale, o.createdAt)}</span> },
    { title: t('office.receiving.outstanding'), key: 'outstanding', align: 'right', render: (_, o) => <span className="num">{o.lines.reduce((sum, l) => sum + l.outstanding, 0)}</span> },
    { title: t('office.receiving.value'), key: 'value', align: 'right', render: (_, o) => <span className="num">{o.valueMinor === null ? '—' : formatMoneyText(o.valueMinor)}</span> },
    {
      title: t('office.catalog.actions'), key: 'actions',
      render: (_, o) => mayEdit && awaiting(o) && (
        <Space size={4} onClick={(e) => e.stopPropagation()}>
          <Button size="small" type="primary" onClick={() => setReceiving(o)} aria-label={`${t('office.stock.receive')} ${o.no}`} data-testid="order-receive">{t('office.stock.receive')}</Button>
          <Popconfirm title={t('office.receiving.cancelConfirm', { no: o.no })} okText={t('office.receiving.cancelOrder')} cancelText={t('office.stock.keep')} onConfirm={() => cancel.mutateAsync(o.id)}>
            <Button size="small" danger aria-label={`${t('office.receiving.cancelOrder')} ${o.no}`}>{t('office.receiving.cancelOrder')}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <section className="office-page" data-testid="purchase-orders-screen">
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('office.receiving.ordersTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('office.receiving.ordersHint')}</Typography.Paragraph>
      </header>
      <Card
        title={
          <Form layout="inline" style={{ rowGap: 8 }}>
            <Form.Item label={t('office.receiving.place')} htmlFor="orders-place">
              <Select id="orders-place" style={{ minWidth: 240 }} value={placeId ?? ''} onChange={(v: string) => setPlaceId(v === '' ? undefined : v)}
                options={[{ value: '', label: t('office.receiving.allPlaces') }, ...(places.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${pickName(p)}` }))]} />
            </Form.Item>
            <Form.Item label={t('office.stock.status')} htmlFor="orders-status">
              <Select id="orders-status" style={{ minWidth: 160 }} value={status ?? ''} onChange={(v: string) => setStatus(v === '' ? undefined : (v as PurchaseOrderStatus))}
                options={[{ value: '', label: t('office.stock.anyStatus') }, ...statuses.map((s) => ({ value: s, label: t(`office.receiving.status.${s}`) }))]} />
            </Form.Item>
          </Form>
        }
        extra={mayEdit && <Button type="primary" onClick={() => setOrdering(true)} data-testid="order-new">{t('office.receiving.newOrder')}</Button>}>
        <HqErrorAlert error={list.error ?? cancel.error} />
        <Table<PurchaseOrder> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items ?? []} columns={columns} pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="purchase-orders-table" expandable={{ expandedRowRender: (o) => <OrderLines order={o} />, expandRowByClick: true }} />
      </Card>
      {ordering && <NewOrderModal onClose={() => setOrdering(false)} />}
      {receiving && <GoodsReceiptModal key={receiving.id} order={receiving} onClose={() => setReceiving(null)} onReceived={(r) => { setReceiving(null); setReceived(r); }} />}
      {received && <ReceivingNoteModal note={{ kind: 'receipt', document: received }} onClose={() => setReceived(null)} />}
    </section>
  );
}
