import { useEffect, useRef, useState } from 'react';
import { formatMinor, minor, parseMinor, type Minor } from '@pos/shared';
import { pointsFor } from '../features/members/member-money';
import type { CardHoldings, MemberTender, TakeResult } from '../features/sales/use-member-payments';
import type { MoneyAnswer } from '../features/members/member-money';
import { useI18n } from '../i18n/i18n-context';
import { currencyExponent, formatMoney } from '../i18n/translate';
import { DialogButtons } from './dialog-buttons';
import { useModalDialog } from './use-modal-dialog';
import './discount-dialog.css';
import './member-dialog.css';

interface MemberTenderDialogProps {
  tender: MemberTender | null;
  /** The card paying: the ticket's member's, or one swiped or typed here. */
  cardNo: string;
  onCardNo: (cardNo: string) => void;
  onEnquire: () => void;
  /** What is left to pay: offered, and the most the card may pay. */
  remainingMinor: Minor;
  currency: string;
  holdings: MoneyAnswer<CardHoldings> | null;
  busy: boolean;
  onPayStoredValue: (amountMinor: Minor, pin: string | undefined) => Promise<TakeResult>;
  onPayPoints: (points: number, valueMinor: Minor) => Promise<TakeResult>;
  onClose: () => void;
}

/**
 * Paying from the member's card: stored value (储值支付, its PIN when the card has one) or points
 * (积分抵现, at the chain's rate). Offers what is left, or what the card holds when that is less;
 * HQ takes it before it goes on the ticket.
 */
export function MemberTenderDialog({ tender, cardNo, onCardNo, onEnquire, remainingMinor, currency, holdings, busy, onPayStoredValue, onPayPoints, onClose }: MemberTenderDialogProps) {
  const { t, errorText } = useI18n();
  const open = tender !== null;
  const ref = useModalDialog(open);
  const exponent = currencyExponent(currency);
  const [amount, setAmount] = useState('');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<{ code: string; params?: Record<string, string | number> } | null>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const held = holdings?.ok ? holdings.value : null;
  const offer = !held ? remainingMinor
    : tender === 'points' ? minor(pointsFor(remainingMinor, held.points.points, held.points.redeemPointsPerYuan).valueMinor)
      : minor(Math.min(remainingMinor, held.storedValue.balanceMinor));

  useEffect(() => {
    setPin('');
    setProblem(null);
    if (open) amountRef.current?.focus();
  }, [open, tender]);
  useEffect(() => setAmount(formatMinor(offer, exponent)), [open, tender, offer, exponent]);

  const amountMinor = parseMinor(amount, exponent);
  const redemption = held && tender === 'points' && amountMinor !== null ? pointsFor(amountMinor, held.points.points, held.points.redeemPointsPerYuan) : null;
  const pinRequired = tender === 'stored_value' && (held?.storedValue.pinRequired ?? false);

  async function pay(): Promise<void> {
    if (amountMinor === null || amountMinor <= 0) return setProblem({ code: 'AMOUNT_INVALID' });
    if (pinRequired && !/^\d{4,8}$/.test(pin)) return setProblem({ code: 'CARD_PIN_REQUIRED' });
    let result: TakeResult;
    if (tender === 'points') {
      if (!redemption || redemption.points === 0) return setProblem({ code: 'INSUFFICIENT_POINTS' });
      if (redemption.valueMinor !== amountMinor) return setProblem({ code: 'POINTS_WHOLE_FEN' });
      result = await onPayPoints(redemption.points, minor(redemption.valueMinor));
    } else {
      result = await onPayStoredValue(amountMinor, pinRequired ? pin : undefined);
    }
    if (!result.ok) {
      setPin('');
      setProblem(result);
    }
  }

  const title = tender === 'points' ? t('memberPay.pointsTitle') : t('memberPay.storedValueTitle');
  return (
    <dialog ref={ref} className="discount-dialog" aria-labelledby="member-pay-title" onClose={onClose} data-testid="member-pay-dialog" data-tender={tender ?? undefined}>
      <form
        method="dialog"
        className="field"
        onSubmit={(event) => {
          event.preventDefault();
          void pay();
        }}
      >
        <h2 id="member-pay-title">{title}</h2>
        <p className="num">
          {t('tender.remaining')}: <strong>{formatMoney(remainingMinor, currency)}</strong>
        </p>
        <label className="field">
          <span>{t('memberPay.card')}</span>
          <input
            className="input num" value={cardNo} inputMode="numeric" autoComplete="off" data-testid="member-pay-card"
            onChange={(event) => { onCardNo(event.target.value); setProblem(null); }}
            onBlur={onEnquire}
          />
        </label>
        {holdings === null && <div className="notice notice-quiet">{t('member.busy')}</div>}
        {holdings && !holdings.ok && (
          <div className="notice notice-error" role="alert" data-testid="member-pay-holdings-error">{errorText(holdings.code)}</div>
        )}
        {held && (
          <div className="member-found" data-testid="member-pay-holdings">
            {tender === 'points' ? (
              <span className="num">{t('memberPay.pointsHeld', { points: held.points.points, value: formatMoney(held.points.valueMinor, currency), rate: held.points.redeemPointsPerYuan })}</span>
            ) : (
              <span className="num">
                {t('memberPay.balance', { amount: formatMoney(held.storedValue.balanceMinor, currency) })}
                {held.storedValue.childTxnLimitMinor !== null && <> · {t('memberPay.childLimit', { amount: formatMoney(held.storedValue.childTxnLimitMinor, currency) })}</>}
              </span>
            )}
          </div>
        )}
        <label className="field">
          <span>{t('card.amount', { currency })}</span>
          <input ref={amountRef} className="input num" value={amount} onChange={(event) => { setAmount(event.target.value.replace(/[^\d.,]/g, '').slice(0, 12)); setProblem(null); }} inputMode="decimal" autoComplete="off" data-testid="member-pay-amount" />
        </label>
        {redemption && redemption.points > 0 && <p className="num" data-testid="member-pay-points">{t('memberPay.pointsUsed', { points: redemption.points })}</p>}
        {pinRequired && (
          <label className="field">
            <span>{t('memberPay.pin')}</span>
            <input className="input num" type="password" value={pin} onChange={(event) => { setPin(event.target.value.replace(/\D/g, '').slice(0, 8)); setProblem(null); }} inputMode="numeric" autoComplete="off" data-testid="member-pay-pin" />
          </label>
        )}
        {problem && (
          <div className="notice notice-error" role="alert" data-testid="member-pay-problem">
            {errorText(problem.code, problem.params?.amount === undefined ? problem.params : { ...problem.params, amount: formatMoney(minor(Number(problem.params.amount)), currency) })}
          </div>
        )}
        <DialogButtons
          onCancel={onClose}
          submit={{ label: busy ? t('member.busy') : t('memberPay.pay'), testId: 'member-pay-submit', disabled: busy || cardNo === '' || (tender === 'points' && !held) }}
        />
      </form>
    </dialog>
  );
}
