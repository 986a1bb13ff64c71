import { useEffect, useRef, useState } from 'react';
import { formatMinor, parseMinor, type Minor } from '@pos/shared';
import { useI18n } from '../i18n/i18n-context';
import { currencyExponent, formatMoney } from '../i18n/translate';
import { DialogButtons } from './dialog-buttons';
import { useModalDialog } from './use-modal-dialog';
import './discount-dialog.css';
import './member-dialog.css';

interface CardDialogProps {
  open: boolean;
  /** What is left to pay: the amount offered, and the most a card may pay. */
  remainingMinor: Minor;
  currency: string;
  /** Answers a problem code when the payment is refused. */
  onApproved: (amountMinor: Minor, reference: string) => { ok: true } | { ok: false; code: string };
  onDeclined: (amountMinor: Minor, reference: string) => void;
  onClose: () => void;
}

/**
 * A bank card paid on the external terminal (银行卡): the amount (what is left, or less for a
 * split), then the terminal's reference typed or scanned from its slip. Enter records it as
 * approved; a declined card is recorded as such and never reaches the sale.
 */
export function CardDialog({ open, remainingMinor, currency, onApproved, onDeclined, onClose }: CardDialogProps) {
  const { t, errorText } = useI18n();
  const ref = useModalDialog(open);
  const exponent = currencyExponent(currency);
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const referenceRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setAmount(formatMinor(remainingMinor, exponent));
    setReference('');
    setProblem(null);
    if (open) referenceRef.current?.focus();
  }, [open]);

  const amountMinor = parseMinor(amount, exponent);
  function approve(): void {
    if (amountMinor === null || amountMinor <= 0) return setProblem('AMOUNT_INVALID');
    if (reference.trim() === '') return setProblem('REFERENCE_MISSING');
    const taken = onApproved(amountMinor, reference.trim());
    if (!taken.ok) setProblem(taken.code);
  }

  return (
    <dialog ref={ref} className="discount-dialog" aria-labelledby="card-title" onClose={onClose} data-testid="card-dialog">
      <form
        method="dialog"
        className="field"
        onSubmit={(event) => {
          event.preventDefault();
          approve();
        }}
      >
        <h2 id="card-title">{t('card.title')}</h2>
        <p>{t('card.hint')}</p>
        <p className="num">
          {t('tender.remaining')}: <strong>{formatMoney(remainingMinor, currency)}</strong>
        </p>
        <label className="field">
          <span>{t('card.amount', { currency })}</span>
          <input className="input num" value={amount} onChange={(event) => { setAmount(event.target.value.replace(/[^\d.,]/g, '').slice(0, 12)); setProblem(null); }} inputMode="decimal" autoComplete="off" data-testid="card-amount" />
        </label>
        <label className="field">
          <span>{t('card.reference')}</span>
          <input ref={referenceRef} className="input num" value={reference} onChange={(event) => { setReference(event.target.value.replace(/[^\w-]/g, '').slice(0, 40)); setProblem(null); }} autoComplete="off" data-testid="card-reference" />
        </label>
        {problem && (
          <div className="notice notice-error" role="alert" data-testid="card-problem">
            {errorText(problem)}
          </div>
        )}
        <DialogButtons onCancel={onClose} submit={{ label: t('card.approved'), testId: 'card-approved' }}>
          <button type="button" className="button" onClick={() => onDeclined(amountMinor ?? remainingMinor, reference.trim())} data-testid="card-declined">
            {t('card.declined')}
          </button>
        </DialogButtons>
      </form>
    </dialog>
  );
}
