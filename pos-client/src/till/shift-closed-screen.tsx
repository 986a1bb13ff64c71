import { useEffect, useRef } from 'react';
import { minor, type ShiftTotals } from '@pos/shared';
import type { TillShiftState } from '../features/shifts/use-till-shift';
import { useI18n } from '../i18n/i18n-context';
import { useHoldUpdate } from '../sw/till-activity';
import { formatMoney } from '../i18n/translate';
import { ReceiptPaper, ReportStatus } from './receipt-paper';
import './shift.css';

/** After the blind count: what the till expected, what was counted and the difference, beside the Z report as printed. */
export function ShiftClosedScreen({ state, currency, close }: { state: TillShiftState; currency: string; close: { totals: ShiftTotals; countedCashMinor: number; differenceMinor: number } }) {
  const { t } = useI18n();
  const nextRef = useRef<HTMLButtonElement>(null);
  useEffect(() => nextRef.current?.focus(), []);
  // The count and its difference stay in front of the cashier until they go on; a new version waits.
  useHoldUpdate(true);
  const money = (amount: number) => formatMoney(minor(amount), currency);
  const tone = close.differenceMinor < 0 ? 'short' : close.differenceMinor > 0 ? 'over' : 'even';
  return (
    <main className="shift-closed" data-testid="shift-closed">
      <section className="summary">
        <h1>{t('closed.title')}</h1>
        <dl className="shift-figures">
          <dt>{t('closed.sales')}</dt>
          <dd className="num" data-testid="closed-sales">{money(close.totals.salesMinor)}</dd>
          <dt>{t('closed.expected')}</dt>
          <dd className="num" data-testid="closed-expected">{money(close.totals.expectedCashMinor)}</dd>
          <dt>{t('closed.counted')}</dt>
          <dd className="num" data-testid="closed-counted">{money(close.countedCashMinor)}</dd>
          <dt>{t('closed.difference')}</dt>
          <dd className={`num difference ${tone}`} data-testid="closed-difference" data-minor={close.differenceMinor}>
            {money(close.differenceMinor)} · {t(`closed.${tone}`)}
          </dd>
        </dl>
        <ReportStatus print={state.reports.last} />
        <div className="dialog-buttons" style={{ justifyContent: 'flex-start' }}>
          <button type="button" className="button" onClick={() => void state.reprintZ()} data-testid="z-reprint">
            {t('closed.reprint')}
          </button>
          <button ref={nextRef} type="button" className="button button-primary" onClick={state.dismissClosed} data-testid="shift-next">
            {t('closed.next')} <span className="key">Enter</span>
          </button>
        </div>
      </section>
      {state.reports.last && <ReceiptPaper model={state.reports.last.model} label={t('report.title')} className="report-paper" />}
    </main>
  );
}
