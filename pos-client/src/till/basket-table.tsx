import type { Basket } from '../features/sales/basket';
import { lineTotal } from '../features/sales/basket';
import { useI18n } from '../i18n/i18n-context';
import { formatMoney } from '../i18n/translate';

export function BasketTable({ basket, currency, onSelect }: { basket: Basket; currency: string; onSelect: (lineId: string) => void }) {
  const { t, pickName, locale } = useI18n();
  if (basket.lines.length === 0) {
    return (
      <div className="basket">
        <div className="basket-empty">{t('sell.empty')}</div>
      </div>
    );
  }
  return (
    <div className="basket">
      <table>
        <thead>
          <tr>
            <th>#</th>
            <th>{t('sell.colItem')}</th>
            <th className="right">{t('sell.colQty')}</th>
            <th className="right">{t('sell.colPrice')}</th>
            <th className="right">{t('sell.colTotal')}</th>
          </tr>
        </thead>
        <tbody>
          {basket.lines.map((line, index) => (
            <tr
              key={line.id}
              className={line.id === basket.selectedId ? 'selected' : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onSelect(line.id)}
              aria-selected={line.id === basket.selectedId}
              data-testid="basket-line"
            >
              <td className="line-no num">{index + 1}</td>
              <td>
                {pickName(line)}
                <span className="sub num">
                  {line.barcode} · {locale === 'en' ? line.nameZh : line.nameEn}
                </span>
              </td>
              <td className="right num" data-testid="basket-line-quantity">
                {line.quantity}
              </td>
              <td className="right num">{formatMoney(line.unitPriceMinor, currency)}</td>
              <td className="right num">
                <strong>{formatMoney(lineTotal(line), currency)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
