import { useState } from 'react';
import type { CashCount } from '../features/shifts/shift-records';
import { useI18n } from '../i18n/i18n-context';
import { useSyncStatus } from '../sync/use-sync-status';
import { CashCountFields } from './cash-count-fields';
import { DialogButtons } from './dialog-buttons';
import { useModalDialog } from './use-modal-dialog';
import './shift.css';

/**
 * The blind count (盲点) that closes the shift: the cashier enters the cash counted, by total
 * or by denomination, and sees nothing of what the till expects until the count is given.
 * Documents still waiting for HQ are named here; the close records how many there were.
 */
export function ShiftCloseDialog({ open, currency, onClose, onCancel }: { open: boolean; currency: string; onClose: (count: CashCount) => Promise<boolean>; onCancel: () => void }) {
  const { t } = useI18n();
  const ref = useModalDialog(open);
  const [count, setCount] = useState<CashCount | null>(null);
  const [busy, setBusy] = useState(false);
  const sync = useSyncStatus();
  return (
    <dialog ref={ref} className="shift-dialog" aria-labelledby="close-title" onClose={onCancel} data-testid="close-dialog">
      {open && (
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            if (!count || busy) return;
            setBusy(true);
            void onClose(count).finally(() => setBusy(false));
          }}
        >
          <h2 id="close-title">{t('close.title')}</h2>
          <p>{t('close.hint')}</p>
          {sync.unsent > 0 && (
            <p className="shift-warning" role="alert" data-testid="close-waiting" data-count={sync.unsent}>
              {t('close.documentsWaiting', { count: sync.unsent })}
            </p>
          )}
          <CashCountFields id="count" currency={currency} label={t('count.total')} onChange={setCount} />
          <DialogButtons onCancel={onCancel} submit={{ label: t('close.submit'), testId: 'close-submit', disabled: !count || busy }} />
        </form>
      )}
    </dialog>
  );
}
