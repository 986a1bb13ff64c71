import type { SellNotice } from '../features/sales/use-basket';
import { useI18n } from '../i18n/i18n-context';

export function SellNoticeLine({ notice }: { notice: SellNotice | null }) {
  const { t, errorText, pickName } = useI18n();
  if (!notice) return <div className="notice notice-quiet" />;
  if (notice.tone === 'note') return <div className="notice notice-info" role="status" data-testid="sell-note">{t(notice.message)}</div>;
  if (notice.tone === 'info') return <div className="notice notice-info">{t('sell.added', { name: pickName(notice.names) })}</div>;
  return (
    <div className="notice notice-error" role="alert" data-testid="sell-error">
      {errorText(notice.code, notice.params)}
    </div>
  );
}
