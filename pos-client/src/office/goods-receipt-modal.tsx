import { App, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { uuidv7, type GoodsReceipt, type PurchaseOrder } from '@pos/shared';
import { useGoodsReceipts, useReceivingChoices } from '../features/office-stock-receiving/use-receiving';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';
import { costMinorOf, ReceivingLinesEditor, type DraftLine } from './receiving-lines-editor';

/** One id for a document however many times it is sent. */
export const newDocumentId = () => uuidv7(Date.now(), crypto.getRandomValues(new Uint8Array(10)));

/** The place and supplier selects of a receiving document; fixed when an order names them. */
export function PlaceSupplierFields({ idPrefix, placeId, supplierId, onPlace, onSupplier, fixed = false }: {
  idPrefix: string; placeId: string | undefined; supplierId: string | undefined; onPlace: (id: string) => void; onSupplier: (id: string) => void; fixed?: boolean;
}) {
  const { t, pickName } = useI18n();
  const { places, suppliers } = useReceivingChoices();
  return (
    <Form layout="vertical">
      <Space wrap>
        <Form.Item label={t('office.receiving.place')} htmlFor={`${idPrefix}-place`} required>
          <Select id={`${idPrefix}-place`} style={{ width: 280 }} value={placeId} onChange={onPlace} disabled={fixed} showSearch optionFilterProp="label"
            options={(places.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${pickName(p)}` }))} />
        </Form.Item>
        <Form.Item label={t('office.receiving.supplier')} htmlFor={`${idPrefix}-supplier`} required>
          <Select id={`${idPrefix}-supplier`} style={{ width: 340 }} value={supplierId} onChange={onSupplier} disabled={fixed} showSearch optionFilterProp="label"
            options={(suppliers.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))} />
        </Form.Item>
      </Space>
    </Form>
  );
}

/**
 * Receiving goods from a supplier (收货): against an order its outstanding lines come filled in
 * (change what actually came; a product not ordered can be scanned in), or without one from
 * scans and picks. The id is made once, so a retry after a lost answer receives the goods once.
 */
export function GoodsReceiptModal({ order, onClose, onReceived }: { order?: PurchaseOrder; onClose: () => void; onReceived: (receipt: GoodsReceipt) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { receive } = useGoodsReceipts({});
  const [id] = useState(newDocumentId);
  const [placeId, setPlaceId] = useState(order?.place.id);
  const [supplierId, setSupplierId] = useState(order?.supplier.id);
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<DraftLine[]>(() => (order?.lines ?? []).filter((l) => l.outstanding > 0).map((l) => ({
    productId: l.productId, sku: l.sku, nameZh: l.nameZh, nameEn: l.nameEn, quantity: l.outstanding, cost: null, expected: l.outstanding,
  })));
  const ready = placeId && supplierId && lines.some((l) => l.quantity > 0);
  const submit = async () => {
    if (!placeId || !supplierId) return;
    const receipt = await receive.mutateAsync({
      id, placeId, supplierId, ...(order ? { purchaseOrderId: order.id } : {}), ...(note ? { note } : {}),
      lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity, ...(l.cost === null ? {} : { unitCostMinor: costMinorOf(l.cost) }) })),
    });
    void message.success(t('office.receiving.receivedDone', { no: receipt.no }));
    onReceived(receipt);
  };
  return (
    <Modal open title={order ? t('office.receiving.receiveOrder', { no: order.no }) : t('office.receiving.receiveNew')} onCancel={onClose} width={980} destroyOnHidden
      onOk={() => void submit().catch(() => undefined)} okText={t('office.stock.receive')} okButtonProps={{ disabled: !ready }} confirmLoading={receive.isPending}>
      <Typography.Paragraph type="secondary">{t(order ? 'office.receiving.receiveOrderHint' : 'office.receiving.receiveHint')}</Typography.Paragraph>
      <HqErrorAlert error={receive.error} />
      <PlaceSupplierFields idPrefix="receipt" placeId={placeId} supplierId={supplierId} onPlace={setPlaceId} onSupplier={setSupplierId} fixed={Boolean(order)} />
      <ReceivingLinesEditor idPrefix="receipt" lines={lines} onChange={setLines} againstOrder={Boolean(order)} allowNone={Boolean(order)} />
      <Form layout="vertical" style={{ marginTop: 16 }}>
        <Form.Item label={t('office.stock.note')} htmlFor="receipt-note"><Input id="receipt-note" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} /></Form.Item>
      </Form>
    </Modal>
  );
}

