import { Button, Descriptions, Modal, Table } from 'antd';
import { createPortal } from 'react-dom';
import type { GoodsReceipt, SupplierReturn } from '@pos/shared';
import { formatMoneyText } from '../features/office-core/format-amount';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime } from '../i18n/translate';
import { DifferenceTag } from './stock-tags';

export type NoteDocument = { kind: 'receipt'; document: GoodsReceipt } | { kind: 'return'; document: SupplierReturn };
type NoteLine = { productId: string; sku: string; barcode: string | null; nameZh: string; nameEn: string; quantity: number; unitCostMinor: number | null; expected?: number | null; difference?: number | null };

const money = (value: number | null) => (value === null ? '—' : formatMoneyText(value));

/** What the note says, the same on screen and on paper: the heading, who and where, and the lines. */
function useNote(note: NoteDocument) {
  const { t, locale, pickName } = useI18n();
  const d = note.document;
  const receipt = note.kind === 'receipt' ? note.document : null;
  const title = t(receipt ? 'office.receiving.receiptNoteOf' : 'office.receiving.returnNoteOf', { no: d.no });
  const facts: [string, string][] = [
    [t('office.receiving.supplier'), `${d.supplier.code} ${d.supplier.name}`],
    [t('office.receiving.place'), `${d.place.code} ${pickName(d.place)}`],
    ...(receipt ? [[t('office.receiving.order'), receipt.purchaseOrder?.no ?? t('office.receiving.noOrder')] as [string, string]] : []),
    ...(note.kind === 'return' ? [[t('office.receiving.reason'), t(`office.receiving.reasons.${note.document.reason}`)] as [string, string]] : []),
    [t('office.receiving.at'), formatDateTime(locale, receipt ? receipt.receivedAt : (d as SupplierReturn).returnedAt)],
    [t('office.receiving.by'), receipt ? receipt.receivedBy : (d as SupplierReturn).returnedBy],
    ...(d.note ? [[t('office.stock.note'), d.note] as [string, string]] : []),
  ];
  const lines: NoteLine[] = d.lines;
  return { title, facts, lines, againstOrder: receipt?.purchaseOrder != null, total: d.valueMinor };
}

/** The note on an A4 sheet: only printing shows it (office.css hides the rest of the page then), with lines to sign. */
function NoteSheet({ note }: { note: NoteDocument }) {
  const { t, pickName } = useI18n();
  const { title, facts, lines, againstOrder, total } = useNote(note);
  return createPortal(
    <section className="office-print-sheet" aria-hidden="true" data-testid="receiving-note-sheet">
      <h1>{title}</h1>
      <p>{facts.map(([label, value]) => `${label}: ${value}`).join('　')}</p>
      <table>
        <thead>
          <tr>
            {[t('office.stock.product'), t('office.receiving.barcode'), ...(againstOrder ? [t('office.receiving.awaited')] : []), t('office.stock.quantity'),
              ...(againstOrder ? [t('office.stock.difference')] : []), t('office.receiving.unitCost'), t('office.receiving.amount')].map((h) => <th key={h}>{h}</th>)}
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.productId}>
              <td>{l.sku} {pickName(l)}</td>
              <td>{l.barcode ?? ''}</td>
              {againstOrder && <td className="num">{l.expected ?? ''}</td>}
              <td className="num">{l.quantity}</td>
              {againstOrder && <td className="num">{l.difference ? (l.difference > 0 ? `+${l.difference}` : l.difference) : ''}</td>}
              <td className="num">{money(l.unitCostMinor)}</td>
              <td className="num">{l.unitCostMinor === null ? '—' : formatMoneyText(l.unitCostMinor * l.quantity)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr><th colSpan={againstOrder ? 6 : 4}>{t('office.report.total')}</th><th className="num">{money(total)}</th></tr>
        </tfoot>
      </table>
      <p className="office-print-footer">{t('office.receiving.signatures')}</p>
    </section>,
    document.body,
  );
}

/** A goods receipt's or supplier return's note (收货单 / 退货单) on screen, and printed on A4 from the browser. */
export function ReceivingNoteModal({ note, onClose }: { note: NoteDocument; onClose: () => void }) {
  const { t, pickName } = useI18n();
  const { title, facts, lines, againstOrder, total } = useNote(note);
  return (
    <Modal open title={title} onCancel={onClose} width={820} destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>{t('office.transfers.close')}</Button>,
        <Button key="print" type="primary" onClick={() => window.print()} data-testid="receiving-note-print">{t('office.transfers.print')}</Button>,
      ]}>
      <Descriptions size="small" column={2} items={facts.map(([label, value]) => ({ key: label, label, children: value }))} />
      <Table<NoteLine> rowKey="productId" size="small" pagination={false} dataSource={lines} style={{ marginTop: 12 }} data-testid="receiving-note-lines"
        columns={[
          { title: t('office.stock.product'), key: 'product', render: (_, l) => `${l.sku} · ${pickName(l)}` },
          ...(againstOrder ? [{ title: t('office.receiving.awaited'), key: 'expected', align: 'right' as const, render: (_: unknown, l: NoteLine) => <span className="num">{l.expected}</span> }] : []),
          { title: t('office.stock.quantity'), key: 'quantity', align: 'right', render: (_, l) => <span className="num">{l.quantity}</span> },
          ...(againstOrder ? [{ title: t('office.stock.difference'), key: 'difference', render: (_: unknown, l: NoteLine) => <DifferenceTag difference={l.difference ?? null} /> }] : []),
          { title: t('office.receiving.unitCost'), key: 'cost', align: 'right', render: (_, l) => <span className="num">{money(l.unitCostMinor)}</span> },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={againstOrder ? 4 : 2}>{t('office.report.total')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right"><span className="num" data-testid="receiving-note-total">{money(total)}</span></Table.Summary.Cell>
          </Table.Summary.Row>
        )} />
      <NoteSheet note={note} />
    </Modal>
  );
}

