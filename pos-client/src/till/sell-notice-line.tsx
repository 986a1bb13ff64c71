import type { SellNotice } from '../features/sales/use-basket';
import { useI18n } from '../i18n/i18n-context';
import { formatMoney } from '../i18n/translate';

export function SellNoticeLine({ notice, currency }: { notice: SellNotice | null; currency: string }) {
  const { t, errorText, pickName } = useI18n();
  if (!notice) return <div className="notice notice-quiet" />;
  if (notice.tone === 'note') return <div className="notice notice-info" role="status" data-testid="sell-note">{t(notice.message, notice.params)}</div>;
  if (notice.tone === 'info') {
    return (
      <div className="notice notice-info" data-testid="sell-added">
        {t('sell.added', { name: pickName(notice.names), price: formatMoney(notice.priceMinor, currency) })}
      </div>
    );
  }
  return (
    <div className="notice notice-error" role="alert" data-testid="sell-error">
      {errorText(notice.code, notice.params)}
    </div>
  );
}
