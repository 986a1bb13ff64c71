import { InputNumber, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';
import { DifferenceTag } from './stock-tags';

/** A line of goods that arrived: what was sent of the product. */
export interface ArrivalLine {
  productId: string;
  sku: string;
  nameZh: string;
  nameEn: string;
  sent: number;
}

interface Props {
  title: string;
  hint: string;
  lines: ArrivalLine[];
  pending: boolean;
  error: unknown;
  onReceive: (counted: { productId: string; received: number }[]) => Promise<void>;
  onClose: () => void;
}

/**
 * What came off the truck (a shipment or a transfer), counted per product: each line starts at
 * what was sent, so a full delivery is one click; a line that differs shows short or over.
 */
export function ArrivalCountModal({ title, hint, lines, pending, error, onReceive, onClose }: Props) {
  const { t, pickName } = useI18n();
  const [counted, setCounted] = useState<Record<string, number>>(() => Object.fromEntries(lines.map((l) => [l.productId, l.sent])));
  const arrived = (l: ArrivalLine) => counted[l.productId] ?? l.sent;
  const differences = lines.filter((l) => arrived(l) !== l.sent).length;
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => void onReceive(lines.map((l) => ({ productId: l.productId, received: arrived(l) })))} confirmLoading={pending}
      okText={differences ? t('office.stock.receiveWithDifferences', { count: String(differences) }) : t('office.stock.receiveAll')} width={720} destroyOnHidden>
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      <HqErrorAlert error={error} />
      <Table<ArrivalLine> rowKey="productId" size="small" pagination={false} dataSource={lines} data-testid="receive-lines"
        columns={[
          { title: t('office.stock.product'), key: 'product', render: (_, l) => `${l.sku} · ${pickName(l)}` },
          { title: t('office.stock.shippedQty'), key: 'sent', align: 'right', render: (_, l) => <span className="num">{l.sent}</span> },
          {
            title: t('office.stock.receivedQty'), key: 'received', align: 'right',
            render: (_, l) => (
              <InputNumber size="small" min={0} max={1_000_000} precision={0} value={arrived(l)} style={{ width: 96 }} data-testid="receive-quantity"
                aria-label={t('office.stock.receivedOf', { product: l.sku })} onChange={(v) => setCounted((c) => ({ ...c, [l.productId]: v ?? 0 }))} />
            ),
          },
          { title: t('office.stock.difference'), key: 'difference', render: (_, l) => <DifferenceTag difference={arrived(l) - l.sent} /> },
        ]} />
    </Modal>
  );
}
