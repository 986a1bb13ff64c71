import { useEffect, useRef, useState } from 'react';
import { parseMinor, reasonAllows, type CashReason } from '@pos/shared';
import { useI18n } from '../i18n/i18n-context';
import { DialogButtons } from './dialog-buttons';
import { useModalDialog } from './use-modal-dialog';
import './shift.css';

interface Movement {
  direction: 'in' | 'out';
  reasonId: string;
  amountMinor: number;
  note: string | null;
}

/** Cash put into or taken out of the drawer outside a sale, with a reason from the chain's list (收支类别). */
export function CashMovementDialog({ open, reasons, onRecord, onClose }: { open: boolean; reasons: CashReason[]; onRecord: (movement: Movement) => Promise<boolean>; onClose: () => void }) {
  const { t, pickName } = useI18n();
  const ref = useModalDialog(open);
  const [direction, setDirection] = useState<'in' | 'out'>('out');
  const [reasonId, setReasonId] = useState('');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const amountRef = useRef<HTMLInputElement>(null);
  const usable = reasons.filter((r) => reasonAllows(r, direction));
  const amountMinor = parseMinor(amount);
  const ready = usable.some((r) => r.id === reasonId) && amountMinor !== null && amountMinor > 0;

  useEffect(() => {
    if (!open) return;
    setAmount('');
    setNote('');
    setBusy(false);
  }, [open]);
  useEffect(() => setReasonId(usable[0]?.id ?? ''), [direction, reasons]);

  return (
    <dialog ref={ref} className="shift-dialog" aria-labelledby="cash-title" onClose={onClose} data-testid="cash-dialog">
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (!ready || busy || amountMinor === null) return;
          setBusy(true);
          void onRecord({ direction, reasonId, amountMinor, note: note.trim() || null }).finally(() => setBusy(false));
        }}
      >
        <h2 id="cash-title">{t('cash.title')}</h2>
        <div className="segmented" role="radiogroup" aria-label={t('cash.direction')}>
          {(['in', 'out'] as const).map((d) => (
            <button key={d} type="button" role="radio" aria-checked={direction === d} className={`button button-small${direction === d ? ' chosen' : ''}`} onClick={() => setDirection(d)} data-testid={`cash-${d}`}>
              {t(d === 'in' ? 'cash.in' : 'cash.out')}
            </button>
          ))}
        </div>
        <label className="field">
          <span>{t('cash.reason')}</span>
          <select className="input" value={reasonId} onChange={(event) => setReasonId(event.target.value)} data-testid="cash-reason">
            {usable.map((r) => (
              <option key={r.id} value={r.id}>
                {pickName(r)}
              </option>
            ))}
          </select>
          {usable.length === 0 && <span className="field-problem">{t('cash.noReasons')}</span>}
        </label>
        <label className="field">
          <span>{t('cash.amount')}</span>
          <input ref={amountRef} className="input num count-total" value={amount} onChange={(event) => setAmount(event.target.value)} inputMode="decimal" autoComplete="off" autoFocus data-testid="cash-amount" />
          {amount.trim() !== '' && amountMinor === null && <span className="field-problem" role="alert">{t('count.invalid')}</span>}
        </label>
        <label className="field">
          <span>{t('cash.note')}</span>
          <input className="input" value={note} maxLength={200} onChange={(event) => setNote(event.target.value)} autoComplete="off" data-testid="cash-note" />
        </label>
        <DialogButtons onCancel={onClose} submit={{ label: t('cash.submit'), testId: 'cash-submit', disabled: !ready || busy }} />
      </form>
    </dialog>
  );
}
