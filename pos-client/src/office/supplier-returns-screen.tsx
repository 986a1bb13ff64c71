import { App, Button, Card, Form, Input, Modal, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { SupplierReturnReason, type SupplierReturn } from '@pos/shared';
import { formatMoneyText } from '../features/office-core/format-amount';
import { useOfficePermissions } from '../features/office-core/office-context';
import { useReceivingChoices, useSupplierReturns } from '../features/office-stock-receiving/use-receiving';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime } from '../i18n/translate';
import { newDocumentId, PlaceSupplierFields } from './goods-receipt-modal';
import { HqErrorAlert } from './hq-error';
import { costMinorOf, ReceivingLinesEditor, type DraftLine } from './receiving-lines-editor';
import { ReceivingNoteModal } from './receiving-note';

/** Goods going back to their supplier: never more than the place has on hand (HQ refuses more, naming the lines). */
function NewReturnModal({ onClose, onSent }: { onClose: () => void; onSent: (sent: SupplierReturn) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { send } = useSupplierReturns({});
  const [id] = useState(newDocumentId);
  const [placeId, setPlaceId] = useState<string>();
  const [supplierId, setSupplierId] = useState<string>();
  const [reason, setReason] = useState<SupplierReturn['reason']>('damaged');
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<DraftLine[]>([]);
  const submit = async () => {
    if (!placeId || !supplierId) return;
    const sent = await send.mutateAsync({
      id, placeId, supplierId, reason, ...(note ? { note } : {}),
      lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity, ...(l.cost === null ? {} : { unitCostMinor: costMinorOf(l.cost) }) })),
    });
    void message.success(t('office.receiving.returnedDone', { no: sent.no }));
    onSent(sent);
  };
  return (
    <Modal open title={t('office.receiving.newReturn')} onCancel={onClose} width={920} destroyOnHidden okText={t('office.receiving.sendBack')}
      onOk={() => void submit().catch(() => undefined)} okButtonProps={{ disabled: !placeId || !supplierId || lines.length === 0 }} confirmLoading={send.isPending}>
      <Typography.Paragraph type="secondary">{t('office.receiving.newReturnHint')}</Typography.Paragraph>
      <HqErrorAlert error={send.error} />
      <PlaceSupplierFields idPrefix="return" placeId={placeId} supplierId={supplierId} onPlace={setPlaceId} onSupplier={setSupplierId} />
      <ReceivingLinesEditor idPrefix="return" lines={lines} onChange={setLines} />
      <Form layout="vertical" style={{ marginTop: 16 }}>
        <Form.Item label={t('office.receiving.reason')} htmlFor="return-reason">
          <Select id="return-reason" style={{ width: 240 }} value={reason} onChange={setReason}
            options={SupplierReturnReason.options.map((r) => ({ value: r, label: t(`office.receiving.reasons.${r}`) }))} />
        </Form.Item>
        <Form.Item label={t('office.stock.note')} htmlFor="return-note"><Input id="return-note" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** Supplier returns (退货单) from the caller's places, each with its note to print and send with the goods. */
export function SupplierReturnsScreen() {
  const { t, locale, pickName } = useI18n();
  const mayEdit = useOfficePermissions().modules.stock === 'edit';
  const { places } = useReceivingChoices();
  const [placeId, setPlaceId] = useState<string | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const [note, setNote] = useState<SupplierReturn | null>(null);
  const { list } = useSupplierReturns({ placeId });
  const columns: TableColumnsType<SupplierReturn> = [
    { title: t('office.stock.no'), key: 'no', render: (_, r) => <span className="num">{r.no}</span> },
    { title: t('office.receiving.supplier'), key: 'supplier', render: (_, r) => `${r.supplier.code} · ${r.supplier.name}` },
    { title: t('office.receiving.place'), key: 'place', render: (_, r) => `${r.place.code} · ${pickName(r.place)}` },
    { title: t('office.receiving.reason'), key: 'reason', render: (_, r) => t(`office.receiving.reasons.${r.reason}`) },
    { title: t('office.receiving.at'), key: 'at', render: (_, r) => <span className="num">{formatDateTime(locale, r.returnedAt)}</span> },
    { title: t('office.stock.units'), key: 'units', align: 'right', render: (_, r) => <span className="num">{r.lines.reduce((sum, l) => sum + l.quantity, 0)}</span> },
    { title: t('office.receiving.value'), key: 'value', align: 'right', render: (_, r) => <span className="num">{r.valueMinor === null ? '—' : formatMoneyText(r.valueMinor)}</span> },
    {
      title: t('office.catalog.actions'), key: 'actions',
      render: (_, r) => <Button size="small" onClick={() => setNote(r)} aria-label={`${t('office.receiving.note')} ${r.no}`} data-testid="return-note">{t('office.receiving.note')}</Button>,
    },
  ];
  return (
    <section className="office-page" data-testid="supplier-returns-screen">
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('office.receiving.returnsTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('office.receiving.returnsHint')}</Typography.Paragraph>
      </header>
      <Card
        title={
          <Form layout="inline">
            <Form.Item label={t('office.receiving.place')} htmlFor="returns-place">
              <Select id="returns-place" style={{ minWidth: 240 }} value={placeId ?? ''} onChange={(v: string) => setPlaceId(v === '' ? undefined : v)}
                options={[{ value: '', label: t('office.receiving.allPlaces') }, ...(places.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${pickName(p)}` }))]} />
            </Form.Item>
          </Form>
        }
        extra={mayEdit && <Button type="primary" onClick={() => setSending(true)} data-testid="return-new">{t('office.receiving.newReturn')}</Button>}>
        <HqErrorAlert error={list.error} />
        <Table<SupplierReturn> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items ?? []} columns={columns} pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="supplier-returns-table" />
      </Card>
      {sending && <NewReturnModal onClose={() => setSending(false)} onSent={(r) => { setSending(false); setNote(r); }} />}
      {note && <ReceivingNoteModal key={note.id} note={{ kind: 'return', document: note }} onClose={() => setNote(null)} />}
    </section>
  );
}
