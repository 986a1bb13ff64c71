import { Button, Card, Form, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { GoodsReceipt } from '@pos/shared';
import { formatMoneyText } from '../features/office-core/format-amount';
import { useOfficePermissions } from '../features/office-core/office-context';
import { useGoodsReceipts, useReceivingChoices } from '../features/office-stock-receiving/use-receiving';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime } from '../i18n/translate';
import { GoodsReceiptModal } from './goods-receipt-modal';
import { HqErrorAlert } from './hq-error';
import { ReceivingNoteModal } from './receiving-note';
import { DifferenceTag } from './stock-tags';

/** Goods received from suppliers (收货单) at the caller's places: receive without an order, see each line's difference, print the note. */
export function GoodsReceiptsScreen() {
  const { t, locale, pickName } = useI18n();
  const mayEdit = useOfficePermissions().modules.stock === 'edit';
  const { places } = useReceivingChoices();
  const [placeId, setPlaceId] = useState<string | undefined>(undefined);
  const [receiving, setReceiving] = useState(false);
  const [note, setNote] = useState<GoodsReceipt | null>(null);
  const { list } = useGoodsReceipts({ placeId });
  const columns: TableColumnsType<GoodsReceipt> = [
    { title: t('office.stock.no'), key: 'no', render: (_, r) => <span className="num">{r.no}</span> },
    { title: t('office.receiving.supplier'), key: 'supplier', render: (_, r) => `${r.supplier.code} · ${r.supplier.name}` },
    { title: t('office.receiving.place'), key: 'place', render: (_, r) => `${r.place.code} · ${pickName(r.place)}` },
    { title: t('office.receiving.order'), key: 'order', render: (_, r) => <span className="num">{r.purchaseOrder?.no ?? t('office.receiving.noOrder')}</span> },
    { title: t('office.receiving.at'), key: 'at', render: (_, r) => <span className="num">{formatDateTime(locale, r.receivedAt)}</span> },
    { title: t('office.stock.units'), key: 'units', align: 'right', render: (_, r) => <span className="num">{r.lines.reduce((sum, l) => sum + l.quantity, 0)}</span> },
    { title: t('office.receiving.value'), key: 'value', align: 'right', render: (_, r) => <span className="num">{r.valueMinor === null ? '—' : formatMoneyText(r.valueMinor)}</span> },
    {
      title: t('office.stock.difference'), key: 'difference',
      render: (_, r) => r.lines.filter((l) => l.difference).map((l) => <span key={l.productId}>{pickName(l)} <DifferenceTag difference={l.difference} /> </span>),
    },
    {
      title: t('office.catalog.actions'), key: 'actions',
      render: (_, r) => <Button size="small" onClick={() => setNote(r)} aria-label={`${t('office.receiving.note')} ${r.no}`} data-testid="receipt-note">{t('office.receiving.note')}</Button>,
    },
  ];
  return (
    <section className="office-page" data-testid="goods-receipts-screen">
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('office.receiving.receiptsTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('office.receiving.receiptsHint')}</Typography.Paragraph>
      </header>
      <Card
        title={
          <Form layout="inline">
            <Form.Item label={t('office.receiving.place')} htmlFor="receipts-place">
              <Select id="receipts-place" style={{ minWidth: 240 }} value={placeId ?? ''} onChange={(v: string) => setPlaceId(v === '' ? undefined : v)}
                options={[{ value: '', label: t('office.receiving.allPlaces') }, ...(places.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${pickName(p)}` }))]} />
            </Form.Item>
          </Form>
        }
        extra={mayEdit && <Button type="primary" onClick={() => setReceiving(true)} data-testid="receipt-new">{t('office.receiving.receiveNew')}</Button>}>
        <HqErrorAlert error={list.error} />
        <Table<GoodsReceipt> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items ?? []} columns={columns} pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="goods-receipts-table" />
      </Card>
      {receiving && <GoodsReceiptModal onClose={() => setReceiving(false)} onReceived={(r) => { setReceiving(false); setNote(r); }} />}
      {note && <ReceivingNoteModal key={note.id} note={{ kind: 'receipt', document: note }} onClose={() => setNote(null)} />}
    </section>
  );
}
