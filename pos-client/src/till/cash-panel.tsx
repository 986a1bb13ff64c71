import type { RefObject, KeyboardEvent } from 'react';
import { minor, type Minor } from '@pos/shared';
import { quickNotes, type useCashPayment } from '../features/sales/use-cash-payment';
import { useI18n } from '../i18n/i18n-context';
import { formatMoney } from '../i18n/translate';

interface CashPanelProps {
  /** What the customer pays: the basket total with the cash rounding. */
  total: Minor;
  /** 抹零: what the cash rounding added (negative when it took off). */
  roundingMinor: number;
  /** Money off plus the value of gifts. */
  savingMinor: Minor;
  itemCount: number;
  currency: string;
  cash: ReturnType<typeof useCashPayment>;
  tenderedRef: RefObject<HTMLInputElement | null>;
  onTenderedKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onComplete: () => void;
  completing: boolean;
  canComplete: boolean;
}

/** Keeps focus where it is when a button is pressed, so the scan field stays ready. */
const keepFocus = (event: { preventDefault: () => void }) => event.preventDefault();

export function CashPanel({ total, roundingMinor, savingMinor, itemCount, currency, cash, tenderedRef, onTenderedKeyDown, onComplete, completing, canComplete }: CashPanelProps) {
  const { t } = useI18n();
  return (
    <>
      <div className="total-block">
        <div className="label">
          <span>{t('sell.total')}</span>
          <span className="num">{t('sell.items', { count: itemCount })}</span>
        </div>
        <div className="amount num" data-testid="basket-total">
          {formatMoney(total, currency)}
        </div>
        {roundingMinor !== 0 && (
          <div className="rounding">
            <span>{t('sell.rounding')}</span>
            <span className="num" data-testid="basket-rounding">
              {roundingMinor < 0 ? '−' : '+'}
              {formatMoney(minor(Math.abs(roundingMinor)), currency)}
            </span>
          </div>
        )}
        {savingMinor > 0 && (
          <div className="saving">
            <span>{t('sell.totalSaving')}</span>
            <span className="num" data-testid="basket-saving">
              {formatMoney(savingMinor, currency)}
            </span>
          </div>
        )}
      </div>
      <label className="field">
        <span>
          {t('sell.tendered')} <span className="key">F2</span>
        </span>
        <input
          ref={tenderedRef}
          className="input num"
          value={cash.text}
          placeholder={formatMoney(total, currency)}
          onChange={(event) => cash.setText(event.target.value)}
          onKeyDown={onTenderedKeyDown}
          inputMode="decimal"
          autoComplete="off"
          data-testid="tendered-input"
        />
      </label>
      <div className="notes">
        <button type="button" className="button" tabIndex={-1} onMouseDown={keepFocus} onClick={cash.setExact} data-testid="tender-exact">
          {t('sell.exact')}
        </button>
        {quickNotes.map((note) => (
          <button
            key={note}
            type="button"
            className="button num"
            tabIndex={-1}
            onMouseDown={keepFocus}
            onClick={() => cash.setNote(note)}
            disabled={cash.noteMinor(note) < total}
            data-testid={`tender-note-${note}`}
          >
            {note}
          </button>
        ))}
      </div>
      <div className={`change-row${cash.short ? ' short' : ''}`}>
        <span>{t('sell.change')}</span>
        <span className="amount num" data-testid="change-amount">
          {cash.short ? t('error.TENDERED_TOO_LOW') : cash.changeMinor === null ? '—' : formatMoney(cash.changeMinor, currency)}
        </span>
      </div>
      <button
        type="button"
        className="button button-primary complete"
        tabIndex={-1}
        onMouseDown={keepFocus}
        onClick={onComplete}
        disabled={!canComplete || completing || cash.changeMinor === null}
        data-testid="complete-button"
      >
        {completing ? t('sell.completing') : t('sell.complete')} <span className="key">F9</span>
      </button>
    </>
  );
}
