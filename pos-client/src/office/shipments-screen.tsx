import { App, Button, Card, Form, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { Shipment } from '@pos/shared';
import { formatMoneyText } from '../features/office-core/format-amount';
import { useOfficePermissions } from '../features/office-core/office-context';
import { useScopeStores } from '../features/office-core/office-queries';
import { useShipments } from '../features/office-stock/use-stock';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime } from '../i18n/translate';
import { ArrivalCountModal } from './arrival-count-modal';
import { HqErrorAlert } from './hq-error';
import { DifferenceTag, ShipmentStatusTag } from './stock-tags';

type ShipmentLine = Shipment['lines'][number];

function ShipmentLines({ lines }: { lines: ShipmentLine[] }) {
  const { t, pickName } = useI18n();
  return (
    <Table<ShipmentLine> rowKey="productId" size="small" pagination={false} dataSource={lines}
      columns={[
        { title: t('office.stock.product'), key: 'product', render: (_, l) => `${l.sku} · ${pickName(l)}` },
        { title: t('office.stock.shippedQty'), key: 'shipped', align: 'right', render: (_, l) => <span className="num">{l.shipped}</span> },
        { title: t('office.stock.receivedQty'), key: 'received', align: 'right', render: (_, l) => <span className="num">{l.received ?? '—'}</span> },
        { title: t('office.stock.difference'), key: 'difference', render: (_, l) => <DifferenceTag difference={l.difference} /> },
        ...(lines.some((l) => l.unitPriceMinor !== null)
          ? [{ title: t('office.transfers.price'), key: 'price', align: 'right' as const, render: (_: unknown, l: ShipmentLine) => <span className="num">{l.unitPriceMinor === null ? '—' : formatMoneyText(l.unitPriceMinor)}</span> }]
          : []),
      ]} />
  );
}

/** What came off the truck for a shipment: the store counts it once. */
function ReceiveModal({ shipment, onClose }: { shipment: Shipment; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { receive } = useShipments({});
  return (
    <ArrivalCountModal title={t('office.stock.receiveTitle', { no: shipment.no, store: shipment.storeCode })} hint={t('office.stock.receiveHint')}
      lines={shipment.lines.map((l) => ({ ...l, sent: l.shipped }))} pending={receive.isPending} error={receive.error} onClose={onClose}
      onReceive={async (lines) => {
        await receive.mutateAsync({ id: shipment.id, body: { lines } });
        void message.success(t('office.stock.receivedDone', { no: shipment.no }));
        onClose();
      }} />
  );
}

/**
 * Shipments (配送单) to the stores in scope: on their way, or received with what was short or over
 * per line. The store counts what arrived and records it once; the goods then join its stock.
 */
export function ShipmentsScreen() {
  const { t, locale, pickName } = useI18n();
  const mayEdit = useOfficePermissions().modules.stock === 'edit';
  const stores = useScopeStores();
  const [storeId, setStoreId] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<Shipment['status'] | undefined>(undefined);
  const [receiving, setReceiving] = useState<Shipment | null>(null);
  const { list } = useShipments({ storeId, status });
  const columns: TableColumnsType<Shipment> = [
    { title: t('office.stock.no'), key: 'no', render: (_, s) => <span className="num">{s.no}</span> },
    { title: t('office.stock.store'), key: 'store', dataIndex: 'storeCode' },
    { title: t('office.stock.status'), key: 'status', render: (_, s) => <ShipmentStatusTag status={s.status} /> },
    { title: t('office.stock.shippedAtColumn'), key: 'shippedAt', render: (_, s) => <span className="num">{formatDateTime(locale, s.shippedAt)}</span> },
    { title: t('office.stock.receivedAtColumn'), key: 'receivedAt', render: (_, s) => <span className="num">{s.receivedAt ? formatDateTime(locale, s.receivedAt) : '—'}</span> },
    { title: t('office.stock.units'), key: 'units', align: 'right', render: (_, s) => <span className="num">{s.lines.reduce((sum, l) => sum + l.shipped, 0)}</span> },
    { title: t('office.transfers.value'), key: 'value', align: 'right', render: (_, s) => <span className="num">{s.valueMinor === null ? t('office.stock.hqOwnStore') : formatMoneyText(s.valueMinor)}</span> },
    {
      title: t('office.stock.difference'), key: 'difference',
      render: (_, s) => <Space size={4} wrap>{s.lines.filter((l) => l.difference).map((l) => <span key={l.productId}>{pickName(l)} <DifferenceTag difference={l.difference} /></span>)}</Space>,
    },
    {
      title: t('office.catalog.actions'), key: 'actions',
      render: (_, s) => mayEdit && s.status === 'in_transit' && (
        <Button size="small" type="primary" onClick={(e) => { e.stopPropagation(); setReceiving(s); }} aria-label={`${t('office.stock.receive')} ${s.no}`} data-testid="shipment-receive">{t('office.stock.receive')}</Button>
      ),
    },
  ];
  return (
    <section className="office-page" data-testid="shipments-screen">
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('office.stock.shipmentsTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('office.stock.shipmentsHint')}</Typography.Paragraph>
      </header>
      <Card title={
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('office.stock.store')} htmlFor="shipments-store">
            <Select id="shipments-store" style={{ minWidth: 220 }} value={storeId ?? ''} onChange={(v: string) => setStoreId(v === '' ? undefined : v)}
              options={[{ value: '', label: t('office.approvals.allStores') }, ...(stores.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` }))]} />
          </Form.Item>
          <Form.Item label={t('office.stock.status')} htmlFor="shipments-status">
            <Select id="shipments-status" style={{ minWidth: 160 }} value={status ?? ''} onChange={(v: string) => setStatus(v === '' ? undefined : (v as Shipment['status']))}
              options={[{ value: '', label: t('office.stock.anyStatus') }, ...(['in_transit', 'received'] as const).map((s) => ({ value: s, label: t(`office.stock.shipmentStatus.${s}`) }))]} />
          </Form.Item>
        </Form>
      }>
        <HqErrorAlert error={list.error} />
        <Table<Shipment> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items ?? []} columns={columns} pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="shipments-table" expandable={{ expandedRowRender: (s) => <ShipmentLines lines={s.lines} />, expandRowByClick: true }} />
      </Card>
      {receiving && <ReceiveModal key={receiving.id} shipment={receiving} onClose={() => setReceiving(null)} />}
    </section>
  );
}
