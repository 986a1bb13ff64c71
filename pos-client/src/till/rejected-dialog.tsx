import { minor } from '@pos/shared';
import type { OutboxEntry } from '../db/till-db';
import { useI18n } from '../i18n/i18n-context';
import { useModalDialog } from './use-modal-dialog';
import { formatDateTime, formatMoney, knowsErrorCode } from '../i18n/translate';
import { documentSummary } from '../sync/document-summary';
import { useRejectedDocuments } from '../sync/use-sync-status';

/** The documents HQ refused, with its reasons; they stay on the till until someone deals with them. */
export function RejectedDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
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
          {rejected.map((entry) => <RejectedEntry key={entry.id} entry={entry} />)}
        </ul>
      )}
      <button type="button" className="button" onClick={onClose}>
        {t('outbox.close')}
      </button>
    </dialog>
  );
}

function RejectedEntry({ entry }: { entry: OutboxEntry }) {
  const { t, errorText, locale } = useI18n();
  const summary = documentSummary(entry.body);
  return (
    <li>
      {summary.tillKey && <>{t(`tillKey.${summary.tillKey}`)} </>}
      <strong className="num">{summary.reference}</strong> ·{' '}
      {summary.amountMinor !== null && summary.currency !== null && (
        <>
          <span className="num">{formatMoney(minor(summary.amountMinor), summary.currency)}</span> ·{' '}
        </>
      )}
      <span className="num">{formatDateTime(locale, summary.completedAt)}</span>
      {entry.reason && (
        <div>
          <code>{entry.reason.code}</code> {knowsErrorCode(entry.reason.code) ? errorText(entry.reason.code) : entry.reason.message}
        </div>
      )}
    </li>
  );
}
