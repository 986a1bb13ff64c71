import { memo, useEffect, useRef } from 'react';
import { lineTotal, type BasketLine } from '../features/sales/basket';
import type { LinePricing } from '../features/sales/price-till-basket';
import { useI18n } from '../i18n/i18n-context';
import { formatMoney } from '../i18n/translate';

interface BasketRowProps {
  line: BasketLine;
  lineNo: number;
  selected: boolean;
  currency: string;
  /** The line as the engine priced it; undefined until the promotions are read. */
  pricing: LinePricing | undefined;
  /** The sales clerks the line is credited to, by code; empty when the cashier sold it. */
  clerks: string;
  onSelect: (lineId: string) => void;
}

/** One basket line with each promotion that applies to it; memoised because a scanner adds lines to long baskets. */
export const BasketRow = memo(function BasketRow({ line, lineNo, selected, currency, pricing, clerks, onSelect }: BasketRowProps) {
  const { t, pickName, locale } = useI18n();
  const gross = pricing?.grossMinor ?? lineTotal(line);
  const net = pricing?.netMinor ?? gross;
  const row = useRef<HTMLTableRowElement>(null);
  // The line just scanned (or chosen with ↑↓) stays in view however long the basket grows.
  useEffect(() => {
    if (selected) row.current?.scrollIntoView({ block: 'nearest' });
  }, [selected, line.quantity]);
  return (
    <tr
      ref={row}
      className={selected ? 'selected' : undefined}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onSelect(line.id)}
      aria-selected={selected}
      data-testid="basket-line"
    >
      <td className="line-no num">{lineNo}</td>
      <td>
        {pickName(line)}
        <span className="sub num">
          {line.barcode} · {locale === 'en' ? line.nameZh : line.nameEn}
          {line.weightGrams ? ` · ${(line.weightGrams / 1000).toFixed(3)} kg` : null}
        </span>
        {clerks && (
          <span className="line-clerks num" data-testid="basket-line-clerks">
            {t('clerk.onLine', { clerks })}
          </span>
        )}
        {pricing?.adjustments.map((adjustment) => (
          <span key={adjustment.ruleId} className="line-saving" data-testid="line-promotion">
            <span>{adjustment.ruleName}</span>
            <span className="num">{t('sell.lineSaving', { amount: formatMoney(adjustment.amountMinor, currency) })}</span>
          </span>
        ))}
      </td>
      <td className="right num" data-testid="basket-line-quantity">
        {line.quantity}
      </td>
      <td className="right num">{formatMoney(line.unitPriceMinor, currency)}</td>
      <td className="right num" data-testid="basket-line-amount">
        {net !== gross && <span className="was">{formatMoney(gross, currency)}</span>}
        <strong>{formatMoney(net, currency)}</strong>
      </td>
    </tr>
  );
});
