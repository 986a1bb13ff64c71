import type { Settlement } from '@pos/shared';
import type { TicketPayment } from '../features/sales/ticket';
import { tenderKinds } from '../features/sales/tender-kinds';
import { useI18n } from '../i18n/i18n-context';
import { formatMoney } from '../i18n/translate';
import { KeyLabel } from './key-label';

interface PaymentListProps {
  payments: readonly TicketPayment[];
  settlement: Settlement;
  currency: string;
  /** The card payment waiting for the cashier to confirm it was voided on the terminal. */
  removing: TicketPayment | null;
  onRemove: (payment: TicketPayment) => void;
  onConfirmRemove: () => void;
  onKeep: () => void;
  onChoose: (tender: string) => void;
  disabled: boolean;
}

const keepFocus = (event: { preventDefault: () => void }) => event.preventDefault();

/** The tenders to choose from, the payments taken so far (each removable) and what is left, in cash and otherwise. */
export function PaymentList({ payments, settlement, currency, removing, onRemove, onConfirmRemove, onKeep, onChoose, disabled }: PaymentListProps) {
  const { t } = useI18n();
  return (
    <section className="payments" aria-label={t('tender.payments')}>
      <div className="tender-kinds" role="group" aria-label={t('tender.choose')}>
        {tenderKinds.map((kind) => (
          <button key={kind.tender} type="button" className="button" tabIndex={-1} onMouseDown={keepFocus} onClick={() => onChoose(kind.tender)} disabled={disabled} data-testid={`tender-${kind.tender}`}>
            {t(kind.label)} <KeyLabel action={kind.action} />
          </button>
        ))}
      </div>
      {payments.length > 0 && (
        <ul className="payment-rows" data-testid="payment-list">
          {payments.map((p) => (
            <li key={p.id} className={p.declined ? 'declined' : undefined} data-testid="payment-row" data-tender={p.tender} data-declined={p.declined}>
              <span>
                {t(`tender.${p.tender}`)}
                {p.reference && <span className="sub num"> {p.reference}</span>}
                {p.declined && <span className="sub"> · {t('tender.declined')}</span>}
              </span>
              <span className="num">{formatMoney(p.amountMinor, currency)}</span>
              <button type="button" className="link-button" onClick={() => onRemove(p)} data-testid="payment-remove">
                {t('tender.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {removing && (
        <div className="notice notice-error remove-card" role="alertdialog" aria-labelledby="remove-card-title" data-testid="remove-card">
          <strong id="remove-card-title">{t('tender.removeCardTitle')}</strong>
          <p>{t('tender.removeCardHint', { amount: formatMoney(removing.amountMinor, currency), reference: removing.reference ?? '—' })}</p>
          <div className="dialog-buttons">
            <button type="button" className="button" onClick={onKeep}>
              {t('tender.keep')}
            </button>
            <button type="button" className="button button-primary" onClick={onConfirmRemove} data-testid="remove-card-confirm">
              {t('tender.removeConfirm')}
            </button>
          </div>
        </div>
      )}
      {payments.length > 0 && (
        <div className="remaining" data-testid="remaining" data-remaining={settlement.remainingMinor}>
          {settlement.settled ? (
            <span>{t('tender.paidInFull')}</span>
          ) : (
            <>
              <span>{t('tender.remaining')}</span>
              <span className="num">
                <strong data-testid="remaining-amount">{formatMoney(settlement.remainingMinor, currency)}</strong>
                {settlement.cashDueMinor !== settlement.remainingMinor && <span className="sub"> · {t('tender.cashDue', { amount: formatMoney(settlement.cashDueMinor, currency) })}</span>}
              </span>
            </>
          )}
        </div>
      )}
    </section>
  );
}
