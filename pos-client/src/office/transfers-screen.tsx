import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { layoutTransferNote, type TransferNoteDocument } from '@pos/shared/receipt/index';
import { uuidv7, type Transfer, type TransferLine } from '@pos/shared';
import { formatMoneyText } from '../features/office-core/format-amount';
import { useOfficePermissions } from '../features/office-core/office-context';
import { useScopeStores } from '../features/office-core/office-queries';
import { useTransfers } from '../features/office-stock/use-store-stock';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime } from '../i18n/translate';
import { ReceiptPaper } from '../till/receipt-paper';
import { ArrivalCountModal } from './arrival-count-modal';
import { HqErrorAlert, markHqFieldErrors } from './hq-error';
import { ProductPicker } from './product-picker';
import { DifferenceTag, ShipmentStatusTag } from './stock-tags';

type TransferForm = {
  fromStoreId: string;
  toStoreId: string;
  note?: string;
  lines: { productId?: string; quantity?: number; price?: number | null }[];
};

const units = (t: Transfer) => t.lines.reduce((sum, l) => sum + l.quantity, 0);
const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/** The transfer as the shared note layout takes it (调拨单), the same layout the till's printer prints. */
export function transferNoteDocument(transfer: Transfer): TransferNoteDocument {
  const place = (s: Transfer['from']) => clip(`${s.code} ${s.nameZh} ${s.nameEn}`, 80);
  return {
    kind: 'transfer_note', id: transfer.id, noteNo: transfer.no, fromStore: place(transfer.from), toStore: place(transfer.to), at: transfer.shippedAt,
    preparedBy: clip(transfer.shippedBy || '—', 40),
    lines: transfer.lines.map((l) => ({ barcode: l.barcode, nameZh: clip(l.nameZh, 80), nameEn: clip(l.nameEn, 80), quantity: l.quantity })),
  };
}

/** The note on screen as the printer lays it out, and on paper alone when printed. */
function TransferNoteModal({ transfer, onClose }: { transfer: Transfer; onClose: () => void }) {
  const { t } = useI18n();
  const model = layoutTransferNote(transferNoteDocument(transfer));
  const label = t('office.transfers.noteOf', { no: transfer.no });
  return (
    <Modal open title={label} onCancel={onClose} width={520} destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>{t('office.transfers.close')}</Button>,
        <Button key="print" type="primary" onClick={() => window.print()} data-testid="transfer-note-print">{t('office.transfers.print')}</Button>,
      ]}>
      <ReceiptPaper model={model} label={label} />
      {createPortal(<section className="office-print-sheet" aria-hidden="true"><ReceiptPaper model={model} label={label} /></section>, document.body)}
    </Modal>
  );
}

/** One store sends goods to another (门店间直调): from one of the caller's stores, to any open store of the chain. */
function NewTransferModal({ onClose }: { onClose: () => void }) {
  const { t, pickName } = useI18n();
  const { message } = App.useApp();
  const stores = useScopeStores();
  const { destinations, ship } = useTransfers({});
  const [form] = Form.useForm<TransferForm>();
  const fromStoreId = Form.useWatch('fromStoreId', form);
  // One id for this transfer however many times it is sent, so a retry after a lost answer ships it once.
  const [id] = useState(() => uuidv7(Date.now(), crypto.getRandomValues(new Uint8Array(10))));
  const submit = async ({ lines, note, ...rest }: TransferForm) => {
    try {
      const made = await ship.mutateAsync({
        id, ...rest, ...(note ? { note } : {}),
        lines: lines.map((l) => ({ productId: l.productId ?? '', quantity: l.quantity ?? 0, ...(typeof l.price === 'number' ? { unitPriceMinor: Math.round(l.price * 100) } : {}) })),
      });
      void message.success(t('office.transfers.shippedDone', { no: made.no }));
      onClose();
    } catch (error) {
      markHqFieldErrors(form, error, t('office.error.fieldRefused'));
    }
  };
  return (
    <Modal open title={t('office.transfers.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={ship.isPending} okText={t('office.transfers.ship')} width={760} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('office.transfers.newHint')}</Typography.Paragraph>
      <HqErrorAlert error={ship.error} />
      <Form form={form} layout="vertical" onFinish={(body) => void submit(body)} initialValues={{ lines: [{}] }}>
        <Space wrap>
          <Form.Item name="fromStoreId" label={t('office.transfers.from')} htmlFor="transfer-from" rules={[{ required: true, message: t('office.stock.chooseStore') }]}>
            <Select id="transfer-from" style={{ width: 260 }} showSearch optionFilterProp="label"
              options={(stores.data ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` }))} />
          </Form.Item>
          <Form.Item name="toStoreId" label={t('office.transfers.to')} htmlFor="transfer-to" rules={[{ required: true, message: t('office.stock.chooseStore') }]}>
            <Select id="transfer-to" style={{ width: 260 }} showSearch optionFilterProp="label"
              options={(destinations.data?.items ?? []).filter((s) => s.id !== fromStoreId).map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` }))} />
          </Form.Item>
        </Space>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((field, i) => (
                <Space key={field.key} align="start" wrap data-testid="transfer-line">
                  <Form.Item name={[field.name, 'productId']} label={t('office.stock.product')} htmlFor={`transfer-product-${i}`} rules={[{ required: true, message: t('office.stock.chooseProduct') }]}>
                    <ProductPicker id={`transfer-product-${i}`} style={{ width: 340 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'quantity']} label={t('office.stock.quantity')} htmlFor={`transfer-quantity-${i}`} rules={[{ required: true, message: t('office.stock.enterQuantity') }]}>
                    <InputNumber id={`transfer-quantity-${i}`} min={1} max={1_000_000} precision={0} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'price']} label={t('office.transfers.price')} htmlFor={`transfer-price-${i}`} tooltip={t('office.transfers.priceHint')}>
                    <InputNumber id={`transfer-price-${i}`} min={0} max={1_000_000} precision={2} style={{ width: 120 }} />
                  </Form.Item>
                  {fields.length > 1 && <Button style={{ marginTop: 30 }} onClick={() => remove(field.name)} aria-label={`${t('office.catalog.delete')} ${i + 1}`}>{t('office.catalog.delete')}</Button>}
                </Space>
              ))}
              <Button onClick={() => add({})} data-testid="transfer-line-add">{t('office.stock.addLine')}</Button>
            </Space>
          )}
        </Form.List>
        <Form.Item name="note" label={t('office.stock.note')} htmlFor="transfer-note" rules={[{ max: 200 }]} style={{ marginTop: 16 }}><Input id="transfer-note" /></Form.Item>
      </Form>
    </Modal>
  );
}

/** The receiving store counts what arrived, once. */
function ReceiveTransferModal({ transfer, onClose }: { transfer: Transfer; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { receive } = useTransfers({});
  return (
    <ArrivalCountModal title={t('office.transfers.receiveTitle', { no: transfer.no, from: transfer.from.code })} hint={t('office.transfers.receiveHint')}
      lines={transfer.lines.map((l) => ({ ...l, sent: l.quantity }))} pending={receive.isPending} error={receive.error} onClose={onClose}
      onReceive={async (lines) => {
        await receive.mutateAsync({ id: transfer.id, body: { lines } });
        void message.success(t('office.transfers.receivedDone', { no: transfer.no }));
        onClose();
      }} />
  );
}

function TransferLines({ transfer }: { transfer: Transfer }) {
  const { t, pickName } = useI18n();
  return (
    <Table<TransferLine> rowKey="productId" size="small" pagination={false} dataSource={transfer.lines}
      columns={[
        { title: t('office.stock.product'), key: 'product', render: (_, l) => `${l.sku} · ${pickName(l)}` },
        { title: t('office.transfers.sent'), key: 'sent', align: 'right', render: (_, l) => <span className="num">{l.quantity}</span> },
        { title: t('office.stock.receivedQty'), key: 'received', align: 'right', render: (_, l) => <span className="num">{l.received ?? '—'}</span> },
        { title: t('office.stock.difference'), key: 'difference', render: (_, l) => <DifferenceTag difference={l.difference} /> },
        ...(transfer.crossOwner ? [{ title: t('office.transfers.price'), key: 'price', align: 'right' as const, render: (_: unknown, l: TransferLine) => <span className="num">{l.unitPriceMinor === null ? '—' : formatMoneyText(l.unitPriceMinor)}</span> }] : []),
      ]} />
  );
}

/**
 * Transfers between stores (调拨单) from or to the stores in scope: sent goods are on their way
 * until the receiving store confirms what arrived; between owners they are priced (配送价). Each
 * has its note to print and send with the goods.
 */
export function TransfersScreen() {
  const { t, locale, pickName } = useI18n();
  const mayEdit = useOfficePermissions().modules.stock === 'edit';
  const stores = useScopeStores();
  const mine = new Set((stores.data ?? []).map((s) => s.id));
  const [storeId, setStoreId] = useState<string | undefined>(undefined);
  const [direction, setDirection] = useState<'in' | 'out' | undefined>(undefined);
  const [status, setStatus] = useState<Transfer['status'] | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const [receiving, setReceiving] = useState<Transfer | null>(null);
  const [note, setNote] = useState<Transfer | null>(null);
  const { list } = useTransfers({ storeId, direction, status });
  const columns: TableColumnsType<Transfer> = [
    { title: t('office.stock.no'), key: 'no', render: (_, x) => <span className="num">{x.no}</span> },
    { title: t('office.transfers.from'), key: 'from', render: (_, x) => `${x.from.code} · ${pickName(x.from)}` },
    { title: t('office.transfers.to'), key: 'to', render: (_, x) => `${x.to.code} · ${pickName(x.to)}` },
    { title: t('office.stock.status'), key: 'status', render: (_, x) => <ShipmentStatusTag status={x.status} /> },
    { title: t('office.stock.shippedAtColumn'), key: 'shippedAt', render: (_, x) => <span className="num">{formatDateTime(locale, x.shippedAt)}</span> },
    { title: t('office.stock.units'), key: 'units', align: 'right', render: (_, x) => <span className="num">{units(x)}</span> },
    { title: t('office.transfers.value'), key: 'value', align: 'right', render: (_, x) => <span className="num">{x.valueMinor === null ? t('office.transfers.sameOwner') : formatMoneyText(x.valueMinor)}</span> },
    {
      title: t('office.stock.difference'), key: 'difference',
      render: (_, x) => <Space size={4} wrap>{x.lines.filter((l) => l.difference).map((l) => <span key={l.productId}>{pickName(l)} <DifferenceTag difference={l.difference} /></span>)}</Space>,
    },
    {
      title: t('office.catalog.actions'), key: 'actions',
      render: (_, x) => (
        <Space size={4}>
          <Button size="small" onClick={(e) => { e.stopPropagation(); setNote(x); }} aria-label={t('office.transfers.noteOf', { no: x.no })} data-testid="transfer-note">{t('office.transfers.note')}</Button>
          {mayEdit && x.status === 'in_transit' && mine.has(x.to.id) && (
            <Button size="small" type="primary" onClick={(e) => { e.stopPropagation(); setReceiving(x); }} aria-label={`${t('office.stock.receive')} ${x.no}`} data-testid="transfer-receive">{t('office.stock.receive')}</Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <section className="office-page" data-testid="transfers-screen">
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('office.transfers.title')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('office.transfers.hint')}</Typography.Paragraph>
      </header>
      <Card
        title={
          <Form layout="inline" style={{ rowGap: 8 }}>
            <Form.Item label={t('office.stock.store')} htmlFor="transfers-store">
              <Select id="transfers-store" style={{ minWidth: 220 }} value={storeId ?? ''} onChange={(v: string) => setStoreId(v === '' ? undefined : v)}
                options={[{ value: '', label: t('office.approvals.allStores') }, ...(stores.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` }))]} />
            </Form.Item>
            <Form.Item label={t('office.transfers.direction')} htmlFor="transfers-direction">
              <Select id="transfers-direction" style={{ minWidth: 140 }} value={direction ?? ''} onChange={(v: string) => setDirection(v === '' ? undefined : (v as 'in' | 'out'))}
                options={[{ value: '', label: t('office.transfers.both') }, { value: 'out', label: t('office.transfers.out') }, { value: 'in', label: t('office.transfers.in') }]} />
            </Form.Item>
            <Form.Item label={t('office.stock.status')} htmlFor="transfers-status">
              <Select id="transfers-status" style={{ minWidth: 160 }} value={status ?? ''} onChange={(v: string) => setStatus(v === '' ? undefined : (v as Transfer['status']))}
                options={[{ value: '', label: t('office.stock.anyStatus') }, ...(['in_transit', 'received'] as const).map((s) => ({ value: s, label: t(`office.stock.shipmentStatus.${s}`) }))]} />
            </Form.Item>
          </Form>
        }
        extra={mayEdit && <Button type="primary" onClick={() => setSending(true)} data-testid="transfer-new">{t('office.transfers.new')}</Button>}>
        <HqErrorAlert error={list.error} />
        <Table<Transfer> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items ?? []} columns={columns} pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="transfers-table" expandable={{ expandedRowRender: (x) => <TransferLines transfer={x} />, expandRowByClick: true }} />
      </Card>
      {sending && <NewTransferModal onClose={() => setSending(false)} />}
      {receiving && <ReceiveTransferModal key={receiving.id} transfer={receiving} onClose={() => setReceiving(null)} />}
      {note && <TransferNoteModal key={note.id} transfer={note} onClose={() => setNote(null)} />}
    </section>
  );
}
