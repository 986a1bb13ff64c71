import { CloseOutlined } from '@ant-design/icons';
import { Button, InputNumber, Typography } from 'antd';
import type { PricedBasketBody } from '@pos/shared';
import { formatAmount, formatMoneyText } from '../features/office-core/format-amount';
import { summarizePreview } from '../features/office-promotions/preview-summary';
import type { PreviewItem } from '../features/office-promotions/use-basket-preview';
import { useI18n } from '../i18n/i18n-context';

interface Props {
  items: PreviewItem[];
  priced: PricedBasketBody | null;
  onQuantity: (index: number, quantity: number) => void;
  onRemove: (index: number) => void;
}

/** The priced basket: every discount under its line with the promotion's name, gifts, and the total saving. */
export function BasketPreviewResult({ items, priced, onQuantity, onRemove }: Props) {
  const { t, pickName } = useI18n();
  if (items.length === 0) return <Typography.Paragraph type="secondary">{t('office.preview.empty')}</Typography.Paragraph>;
  const summary = priced ? summarizePreview(priced) : null;
  return (
    <div className="office-receipt">
      {items.map((entry, i) => {
        const line = summary?.lines[i];
        return (
          <div key={i} className="office-receipt-line">
            <div className="office-receipt-row">
              <span className="office-grow">{pickName(entry.item.product)}</span>
              <InputNumber className="office-qty" aria-label={t('office.preview.quantityOf', { name: pickName(entry.item.product) })} min={1} precision={0} value={entry.quantity} onChange={(q) => onQuantity(i, q ?? 1)} />
              <span className="num office-amount">{line ? formatAmount(line.grossMinor) : '…'}</span>
              <Button type="text" size="small" icon={<CloseOutlined />} aria-label={t('office.promo.remove')} onClick={() => onRemove(i)} />
            </div>
            {line?.discounts.map((d, j) => (
              <div key={j} className="office-receipt-row office-discount">
                <span className="office-grow">{d.ruleName}</span>
                <span className="num office-amount">-{formatAmount(d.amountMinor)}</span>
                <span className="office-spacer" />
              </div>
            ))}
          </div>
        );
      })}
      {priced?.gifts.map((g) => (
        <div key={g.lineId} className="office-receipt-row office-discount">
          <span className="office-grow">{t('office.preview.gift', { name: g.ruleName, quantity: g.quantity })}</span>
          <span className="num office-amount">{formatAmount(g.valueMinor)}</span>
          <span className="office-spacer" />
        </div>
      ))}
      {priced && summary && (
        <div className="office-receipt-totals">
          <div className="office-receipt-row"><span className="office-grow">{t('office.preview.subtotal')}</span><span className="num">{formatMoneyText(priced.subtotalMinor)}</span></div>
          {summary.byPromotion.map((p) => (
            <div key={p.ruleName} className="office-receipt-row office-discount"><span className="office-grow">{p.ruleName}</span><span className="num">-{formatMoneyText(p.amountMinor)}</span></div>
          ))}
          <div className="office-receipt-row office-saving"><span className="office-grow">{t('office.preview.saving')}</span><span className="num">{formatMoneyText(priced.totalSavingMinor)}</span></div>
          <div className="office-receipt-row office-payable"><span className="office-grow">{t('office.preview.payable')}</span><span className="num">{formatMoneyText(priced.payableMinor)}</span></div>
        </div>
      )}
    </div>
  );
}
