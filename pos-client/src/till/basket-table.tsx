import { useCallback, useRef } from 'react';
import type { LineClerkShare } from '@pos/shared';
import { lineClerks, type Basket } from '../features/sales/basket';
import type { LinePricing } from '../features/sales/price-till-basket';
import type { GiftView } from '../features/sales/use-priced-basket';
import { useI18n } from '../i18n/i18n-context';
import { BasketRow } from './basket-row';
import { GiftRow } from './gift-row';
import './promotions.css';

interface BasketTableProps {
  basket: Basket;
  currency: string;
  pricing: ReadonlyMap<string, LinePricing>;
  gifts: readonly GiftView[];
  onSelect: (lineId: string) => void;
  /** A line's sales clerks by code, for the row to show. */
  describeClerks: (shares: readonly LineClerkShare[]) => string;
}

export function BasketTable({ basket, currency, pricing, gifts, onSelect, describeClerks }: BasketTableProps) {
  const { t } = useI18n();
  const latestSelect = useRef(onSelect);
  latestSelect.current = onSelect;
  const select = useCallback((lineId: string) => latestSelect.current(lineId), []);
  if (basket.lines.length === 0) {
    return (
      <div className="basket">
        <div className="basket-empty">{t('sell.empty')}</div>
      </div>
    );
  }
  return (
    // Focusable so the list can be scrolled from the keyboard too; ↑↓ in the scan field choose lines.
    <div className="basket" tabIndex={0} role="region" aria-label={t('sell.basket')}>
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
            <BasketRow
              key={line.id} line={line} lineNo={index + 1} selected={line.id === basket.selectedId} currency={currency} pricing={pricing.get(line.id)}
              clerks={describeClerks(lineClerks(line))} onSelect={select}
            />
          ))}
          {gifts.map((gift) => (
            <GiftRow key={gift.lineId} gift={gift} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
