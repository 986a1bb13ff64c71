import type { KeyboardEvent, RefObject } from 'react';
import { minor, type Minor } from '@pos/shared';
import { quickNotes, type useCashPayment } from '../features/sales/use-cash-payment';
import type { LastSale } from '../features/sales/use-sell-screen';
import { useI18n } from '../i18n/i18n-context';
import { formatMoney } from '../i18n/translate';
import { KeyLabel } from './key-label';

interface CashPanelProps {
  /** What the customer pays in cash alone: the basket total with the cash rounding. */
  total: Minor;
  /** 抹零: what the cash rounding added (negative when it took off). */
  roundingMinor: number;
  /** Money off plus the value of gifts. */
  savingMinor: Minor;
  itemCount: number;
  currency: string;
  /** What cash would take to settle what is left. */
  cashDueMinor: Minor;
  /** The sale just completed, while the basket is empty: its change is what the cashier hands over now. */
  lastSale: LastSale | null;
  cash: ReturnType<typeof useCashPayment>;
  tenderedRef: RefObject<HTMLInputElement | null>;
  onTenderedKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
}

/** Keeps focus where it is when a button is pressed, so the scan field stays ready. */
const keepFocus = (event: { preventDefault: () => void }) => event.preventDefault();

/** The big figure: the total while selling; after a sale, until the next scan, the change to give. */
function TotalBlock({ total, roundingMinor, savingMinor, itemCount, currency, lastSale }: Pick<CashPanelProps, 'total' | 'roundingMinor' | 'savingMinor' | 'itemCount' | 'currency' | 'lastSale'>) {
  const { t } = useI18n();
  const money = (amount: number) => formatMoney(minor(amount), currency);
  if (lastSale) {
    return (
      <div className="total-block change-block" aria-live="polite" data-testid="change-due">
        <div className="label">
          <span>{t('sell.changeDue')}</span>
          <span className="num">{lastSale.receiptNo}</span>
        </div>
        <div className="amount num" data-testid="change-due-amount">
          {money(lastSale.changeMinor)}
        </div>
        <div className="rounding">
          <span>{t('sell.paid')}</span>
          <span className="num">{money(lastSale.paidMinor)}</span>
        </div>
        {lastSale.cashTenderedMinor !== null && (
          <div className="rounding">
            <span>{t('sell.lastSaleTendered')}</span>
            <span className="num">{money(lastSale.cashTenderedMinor)}</span>
          </div>
        )}
      </div>
    );
  }
  return (
    <div className="total-block">
      <div className="label">
        <span>{t('sell.total')}</span>
        <span className="num">{t('sell.items', { count: itemCount })}</span>
      </div>
      <div className="amount num" data-testid="basket-total">
        {money(total)}
      </div>
      {roundingMinor !== 0 && (
        <div className="rounding">
          <span>{t('sell.rounding')}</span>
          <span className="num" data-testid="basket-rounding">
            {roundingMinor < 0 ? '−' : '+'}
            {money(Math.abs(roundingMinor))}
          </span>
        </div>
      )}
      {savingMinor > 0 && (
        <div className="saving">
          <span>{t('sell.totalSaving')}</span>
          <span className="num" data-testid="basket-saving">
            {money(savingMinor)}
          </span>
        </div>
      )}
    </div>
  );
}

/** The total (or the change just given), the cash received field with note buttons, and the change it gives. */
export function CashPanel(props: CashPanelProps) {
  const { t, errorText } = useI18n();
  const { currency, cash, cashDueMinor, tenderedRef, onTenderedKeyDown } = props;
  return (
    <>
      <TotalBlock {...props} />
      <label className="field">
        <span>
          {t('sell.tendered')} <KeyLabel action="cash" />
        </span>
        <input
          ref={tenderedRef}
          className="input num"
          value={cash.text}
          placeholder={formatMoney(cashDueMinor, currency)}
          onChange={(event) => cash.setText(event.target.value)}
          onKeyDown={onTenderedKeyDown}
          inputMode="decimal"
          autoComplete="off"
          data-testid="tendered-input"
        />
      </label>
      <div className="notes">
        <button type="button" className="button" tabIndex={-1} onMouseDown={keepFocus} onClick={cash.setExact} data-testid="tender-exact">
          {t('sell.exact')} <KeyLabel action="exact" />
        </button>
        {quickNotes.map((note) => (
          <button
            key={note}
            type="button"
            className="button num"
            tabIndex={-1}
            onMouseDown={keepFocus}
            onClick={() => cash.setNote(note)}
            disabled={cash.noteMinor(note) < cashDueMinor}
            data-testid={`tender-note-${note}`}
          >
            {note}
          </button>
        ))}
      </div>
      <div className={`change-row${cash.partial || cash.invalid ? ' short' : ''}`}>
        <span>{t('sell.change')}</span>
        <span className="amount num" data-testid="change-amount">
          {cash.invalid ? errorText('TENDERED_INVALID') : cash.partial ? t('tender.partTaken') : cash.changeMinor === null ? '—' : formatMoney(cash.changeMinor, currency)}
        </span>
      </div>
    </>
  );
}
