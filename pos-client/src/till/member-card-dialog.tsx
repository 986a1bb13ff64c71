import { useEffect, useState } from 'react';
import { minor, parseMinor, type PairedDevice, type TopUpTender } from '@pos/shared';
import type { KeyGate } from '../features/permissions/key-gate';
import { useMemberCardDesk, type DeskOutcome } from '../features/members/use-member-card-desk';
import { useI18n } from '../i18n/i18n-context';
import { currencyExponent, formatMoney } from '../i18n/translate';
import { useModalDialog } from './use-modal-dialog';
import './discount-dialog.css';
import './member-dialog.css';

interface MemberCardDialogProps {
  open: boolean;
  pairing: PairedDevice;
  gate: KeyGate;
  /** The ticket's member's card, offered first. */
  memberCardNo: string | null;
  onClose: () => void;
}

/**
 * The member card desk (会员卡业务, F12): a card typed or swiped; its balance and points; a top-up
 * at the counter paid by cash or bank card, with the bonus and a printed slip; reporting it lost;
 * replacing a lost card with the blank card handed over.
 */
export function MemberCardDialog({ open, pairing, gate, memberCardNo, onClose }: MemberCardDialogProps) {
  const { t, errorText } = useI18n();
  const ref = useModalDialog(open);
  const desk = useMemberCardDesk(pairing, gate, open);
  const currency = pairing.store.currency;
  const exponent = currencyExponent(currency);
  const [amount, setAmount] = useState('');
  const [tender, setTender] = useState<TopUpTender>('cash');
  const [reference, setReference] = useState('');

  useEffect(() => {
    if (!open) return;
    desk.reset(memberCardNo);
    setAmount('');
    setTender('cash');
    setReference('');
  }, [open]);

  const amountMinor = parseMinor(amount, exponent);
  return (
    <dialog ref={ref} className="member-dialog" aria-labelledby="card-desk-title" onClose={onClose} data-testid="card-desk">
      <form
        method="dialog"
        className="field"
        onSubmit={(event) => {
          event.preventDefault();
          void desk.enquire();
        }}
      >
        <h2 id="card-desk-title">{t('cardDesk.title')}</h2>
        <p>{t('cardDesk.hint')}</p>
        <label className="field">
          <span>{t('member.card')}</span>
          <input className="input num" value={desk.cardNo} onChange={(event) => desk.setCardNo(event.target.value)} inputMode="numeric" autoComplete="off" autoFocus data-testid="card-desk-card" />
        </label>
        <div className="dialog-buttons">
          <button type="submit" className="button" disabled={desk.busy || desk.cardNo === ''} data-testid="card-desk-enquire">{t('cardDesk.enquire')}</button>
          <button type="button" className="button" onClick={() => void desk.reportLost()} disabled={desk.busy || desk.cardNo === ''} data-testid="card-desk-lost">{t('cardDesk.reportLost')}</button>
          <button type="button" className="button" onClick={() => desk.setReplacing(!desk.replacing)} disabled={desk.busy || desk.cardNo === ''} aria-pressed={desk.replacing} data-testid="card-desk-replace-open">{t('cardDesk.replace')}</button>
        </div>
        {desk.busy && <div className="notice notice-quiet">{t('member.busy')}</div>}
        {desk.problem && <div className="notice notice-error" role="alert" data-testid="card-desk-problem">{errorText(desk.problem.code, desk.problem.tillKey ? { tillKey: desk.problem.tillKey } : undefined)}</div>}
        {desk.outcome && <DeskOutcomeView outcome={desk.outcome} currency={currency} />}
        {desk.replacing && (
          <fieldset className="field card-desk-part">
            <legend>{t('cardDesk.replaceTitle')}</legend>
            <label className="field">
              <span>{t('cardDesk.newCard')}</span>
              <input className="input num" value={desk.newCardNo} onChange={(event) => desk.setNewCardNo(event.target.value)} inputMode="numeric" autoComplete="off" data-testid="card-desk-new-card" />
            </label>
            <button type="button" className="button button-primary" onClick={() => void desk.replace()} disabled={desk.busy || desk.newCardNo === ''} data-testid="card-desk-replace">{t('cardDesk.replaceConfirm')}</button>
          </fieldset>
        )}
        <fieldset className="field card-desk-part">
          <legend>{t('cardDesk.topUpTitle')}</legend>
          <label className="field">
            <span>{t('card.amount', { currency })}</span>
            <input className="input num" value={amount} onChange={(event) => setAmount(event.target.value.replace(/[^\d.,]/g, '').slice(0, 12))} inputMode="decimal" autoComplete="off" data-testid="card-desk-amount" />
          </label>
          <div className="dialog-buttons" role="radiogroup" aria-label={t('tender.choose')}>
            {(['cash', 'bank_card'] as const).map((kind) => (
              <button key={kind} type="button" role="radio" aria-checked={tender === kind} className={tender === kind ? 'button button-primary' : 'button'} onClick={() => setTender(kind)} data-testid={`card-desk-tender-${kind}`}>
                {t(`tender.${kind}`)}
              </button>
            ))}
          </div>
          {tender === 'bank_card' && (
            <label className="field">
              <span>{t('card.reference')}</span>
              <input className="input num" value={reference} onChange={(event) => setReference(event.target.value.replace(/[^\w-]/g, '').slice(0, 40))} autoComplete="off" data-testid="card-desk-reference" />
            </label>
          )}
          <button
            type="button" className="button button-primary" disabled={desk.busy || desk.cardNo === '' || amountMinor === null}
            onClick={() => amountMinor !== null && void desk.topUp(amountMinor, tender, tender === 'bank_card' ? reference.trim() || null : null)}
            data-testid="card-desk-top-up"
          >
            {t('cardDesk.topUp')}
          </button>
        </fieldset>
        <div className="dialog-buttons">
          <button type="button" className="button" onClick={onClose} data-testid="card-desk-close">{t('cardDesk.close')} <span className="key">Esc</span></button>
        </div>
      </form>
    </dialog>
  );
}

function DeskOutcomeView({ outcome, currency }: { outcome: DeskOutcome; currency: string }) {
  const { t } = useI18n();
  const money = (amount: number) => formatMoney(minor(amount), currency);
  return (
    <section className="member-found" role="status" data-testid="card-desk-outcome" data-kind={outcome.kind}>
      {outcome.kind === 'holdings' && (
        <dl>
          <dt>{t('cardDesk.balance')}</dt>
          <dd className="num" data-testid="card-desk-balance">{money(outcome.holdings.storedValue.balanceMinor)}</dd>
          <dt>{t('cardDesk.bonusPart')}</dt>
          <dd className="num">{money(outcome.holdings.storedValue.bonusMinor)}</dd>
          <dt>{t('cardDesk.points')}</dt>
          <dd className="num" data-testid="card-desk-points">{t('cardDesk.pointsWorth', { points: outcome.holdings.points.points, value: money(outcome.holdings.points.valueMinor) })}</dd>
          <dt>{t('cardDesk.pin')}</dt>
          <dd>{outcome.holdings.storedValue.pinRequired ? t('cardDesk.pinYes') : t('cardDesk.pinNo')}</dd>
        </dl>
      )}
      {outcome.kind === 'topped_up' && (
        <>
          <strong data-testid="card-desk-topped-up">
            {t('cardDesk.toppedUp', { amount: money(outcome.result.slip.amountMinor), bonus: money(outcome.result.slip.bonusMinor), balance: money(outcome.result.slip.balanceAfterMinor) })}
          </strong>
          {outcome.result.rule && <span>{outcome.result.rule.name}</span>}
          {outcome.drawer === 'no_reason' && <span role="alert">{t('cardDesk.noDrawerReason')}</span>}
        </>
      )}
      {outcome.kind === 'lost' && <strong>{t('cardDesk.lost', { card: outcome.card.cardNo })}</strong>}
      {outcome.kind === 'replaced' && <strong data-testid="card-desk-replaced">{t('cardDesk.replaced', { card: outcome.card.cardNo })}</strong>}
    </section>
  );
}
