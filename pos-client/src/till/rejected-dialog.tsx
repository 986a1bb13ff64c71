import { minor } from '@pos/shared';
import { useI18n } from '../i18n/i18n-context';
import { useModalDialog } from './use-modal-dialog';
import { formatDateTime, formatMoney, knowsErrorCode } from '../i18n/translate';
import { useRejectedDocuments } from '../sync/use-sync-status';

/** The documents HQ refused, with its reasons; they stay on the till until someone deals with them. */
export function RejectedDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, errorText, locale } = useI18n();
  const rejected = useRejectedDocuments();
  const ref = useModalDialog(open);

  return (
    <dialog ref={ref} className="rejected" onClose={onClose} data-testid="rejected-dialog">
      <h2>{t('outbox.title')}</h2>
      <p>{t('outbox.hint')}</p>
      {rejected.length === 0 ? (
        <p>{t('outbox.none')}</p>
      ) : (
        <ul>
          {rejected.map((entry) => (
            <li key={entry.id}>
              <strong className="num">{entry.body.receiptNo}</strong> · <span className="num">{formatMoney(minor(entry.body.totalMinor), entry.body.currency)}</span> ·{' '}
              <span className="num">{formatDateTime(locale, entry.body.completedAt)}</span>
              {entry.reason && (
                <div>
                  <code>{entry.reason.code}</code> {knowsErrorCode(entry.reason.code) ? errorText(entry.reason.code) : entry.reason.message}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button" onClick={onClose}>
        {t('outbox.close')}
      </button>
    </dialog>
  );
}
