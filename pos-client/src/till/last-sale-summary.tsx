import { minor } from '@pos/shared';
import type { LastSale } from '../features/sales/use-sell-screen';
import { useI18n } from '../i18n/i18n-context';
import { formatMoney } from '../i18n/translate';

export function LastSaleSummary({ sale, currency }: { sale: LastSale; currency: string }) {
  const { t } = useI18n();
  const money = (amount: number) => formatMoney(minor(amount), currency);
  return (
    <div className="last-sale" data-testid="last-sale-summary" aria-live="polite">
      <span className="title">{t('sell.lastSale', { receipt: sale.receiptNo })}</span>
      <dl>
        <dt>{t('sell.lastSaleTotal')}</dt>
        <dd className="num">{money(sale.paidMinor)}</dd>
      </dl>
      <dl>
        <dt>{t('sell.lastSaleTendered')}</dt>
        <dd className="num">{sale.cashTenderedMinor === null ? '—' : money(sale.cashTenderedMinor)}</dd>
      </dl>
      <dl className="change">
        <dt>{t('sell.lastSaleChange')}</dt>
        <dd className="num" data-testid="last-sale-change">
          {money(sale.changeMinor)}
        </dd>
      </dl>
    </div>
  );
}
