import type { ReceiptPrint } from '../features/sales/use-receipt-printing';
import { bridgeErrorText } from '../i18n/bridge-error-text';
import { useI18n } from '../i18n/i18n-context';
import { KeyLabel } from './key-label';
import './bridge.css';

const keepFocus = (event: { preventDefault: () => void }) => event.preventDefault();

/** How the last receipt went, and the reprint key. */
export function ReceiptLine({ print, onReprint }: { print: ReceiptPrint | null; onReprint: () => void }) {
  const { t, locale } = useI18n();
  const outcome = print?.outcome;
  const text = (() => {
    if (!print) return null;
    if (!outcome) return <span>{t('receipt.printing')}</span>;
    if (outcome.via === 'browser') return <span>{t('receipt.browser')}</span>;
    if (outcome.via === 'failed') return <span className="failed" role="alert">{t('receipt.failed', { reason: bridgeErrorText(locale, outcome.code) })}</span>;
    if (outcome.job.state === 'waiting') return <span>{t('receipt.queued')}</span>;
    return <span>{t(print.reprint ? 'receipt.reprinted' : 'receipt.printed')}</span>;
  })();
  return (
    <div className="receipt-line" data-testid="receipt-status" data-via={outcome?.via ?? (print ? 'pending' : 'none')}>
      {text}
      <button type="button" className="button button-small" tabIndex={-1} onMouseDown={keepFocus} onClick={onReprint} data-testid="reprint-button">
        {t('receipt.reprint')} <KeyLabel action="reprint" />
      </button>
    </div>
  );
}
