import { Button, Input, InputNumber, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useFindByCode } from '../features/office-stock-receiving/use-receiving';
import { useI18n } from '../i18n/i18n-context';
import { ProductPicker } from './product-picker';
import { DifferenceTag } from './stock-tags';

/** A line being entered: the product, how many, a unit cost in yuan (none: the agreed one) and, against an order, what it awaits. */
export interface DraftLine {
  productId: string;
  sku: string;
  nameZh: string;
  nameEn: string;
  quantity: number;
  cost: number | null;
  expected: number | null;
}

interface Props {
  idPrefix: string;
  lines: DraftLine[];
  onChange: (lines: DraftLine[]) => void;
  /** Against an order: each line shows what the order awaits and the difference, and a product not ordered awaits none. */
  againstOrder?: boolean;
  /** Whether a line may say none came (only against an order). */
  allowNone?: boolean;
}

/** Yuan as typed to minor units; none when empty. */
export const costMinorOf = (cost: number | null) => (cost === null ? undefined : Math.round(cost * 100));

/**
 * The lines of an order, a receipt or a return: a barcode or SKU scanned (or typed, then Enter)
 * adds a unit of its product, a product may be picked by name, and each line's quantity and unit
 * cost can be changed.
 */
export function ReceivingLinesEditor({ idPrefix, lines, onChange, againstOrder = false, allowNone = false }: Props) {
  const { t, pickName } = useI18n();
  const findByCode = useFindByCode();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = (product: { id: string; sku: string; nameZh: string; nameEn: string }) => {
    const known = lines.find((l) => l.productId === product.id);
    onChange(known
      ? lines.map((l) => (l === known ? { ...l, quantity: l.quantity + 1 } : l))
      : [...lines, { productId: product.id, sku: product.sku, nameZh: product.nameZh, nameEn: product.nameEn, quantity: 1, cost: null, expected: againstOrder ? 0 : null }]);
  };
  const scan = async () => {
    const text = code.trim();
    if (!text) return;
    setProblem(null);
    const product = await findByCode(text);
    if (!product) {
      setProblem(t('office.counts.notFound', { code: text }));
      return;
    }
    add(product);
    setCode('');
  };
  const change = (productId: string, patch: Partial<DraftLine>) => onChange(lines.map((l) => (l.productId === productId ? { ...l, ...patch } : l)));
  const columns: TableColumnsType<DraftLine> = [
    { title: t('office.stock.product'), key: 'product', render: (_, l) => `${l.sku} · ${pickName(l)}` },
    ...(againstOrder ? [{ title: t('office.receiving.awaited'), key: 'expected', align: 'right' as const, render: (_: unknown, l: DraftLine) => <span className="num">{l.expected ?? 0}</span> }] : []),
    {
      title: t('office.stock.quantity'), key: 'quantity',
      render: (_, l) => (
        <InputNumber min={allowNone ? 0 : 1} max={1_000_000} precision={0} value={l.quantity} onChange={(v) => change(l.productId, { quantity: v ?? 0 })}
          aria-label={t('office.receiving.quantityOf', { sku: l.sku })} data-testid="receiving-line-quantity" />
      ),
    },
    ...(againstOrder ? [{ title: t('office.stock.difference'), key: 'difference', render: (_: unknown, l: DraftLine) => <DifferenceTag difference={l.quantity - (l.expected ?? 0)} /> }] : []),
    {
      title: t('office.receiving.unitCost'), key: 'cost',
      render: (_, l) => (
        <InputNumber min={0} max={1_000_000} precision={2} value={l.cost} onChange={(v) => change(l.productId, { cost: v ?? null })} placeholder={t('office.receiving.agreedCost')}
          aria-label={t('office.receiving.unitCostOf', { sku: l.sku })} style={{ width: 130 }} />
      ),
    },
    {
      title: t('office.catalog.actions'), key: 'remove',
      render: (_, l) => <Button size="small" onClick={() => onChange(lines.filter((x) => x !== l))} aria-label={`${t('office.catalog.delete')} ${l.sku}`}>{t('office.catalog.delete')}</Button>,
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap align="center">
        <label htmlFor={`${idPrefix}-scan`}>{t('office.counts.scan')}</label>
        <Input id={`${idPrefix}-scan`} style={{ width: 260 }} value={code} onChange={(e) => setCode(e.target.value)} onPressEnter={() => void scan()}
          placeholder={t('office.counts.scanPlaceholder')} data-testid="receiving-scan" />
        <label htmlFor={`${idPrefix}-pick`}>{t('office.receiving.pickProduct')}</label>
        <ProductPicker id={`${idPrefix}-pick`} style={{ width: 300 }} value={undefined} onPick={(item) => add(item.product)} />
      </Space>
      {problem && <Typography.Text type="danger" role="alert">{problem}</Typography.Text>}
      <Table<DraftLine> rowKey="productId" size="small" pagination={false} dataSource={lines} columns={columns} data-testid="receiving-lines"
        locale={{ emptyText: t('office.receiving.noLines') }} />
    </Space>
  );
}
