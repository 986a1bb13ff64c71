import { useEffect } from 'react';
import { minor, type PairedDevice } from '@pos/shared';
import type { TillShift } from '../db/till-db';
import type { TillShiftState } from '../features/shifts/use-till-shift';
import { useI18n } from '../i18n/i18n-context';
import { formatClock, formatMoney } from '../i18n/translate';
import { useLiveQuery } from '../db/use-live-query';
import { useTillServices } from '../app/services-context';
import { ReportStatus } from './receipt-paper';
import './shift.css';

const keepFocus = (event: { preventDefault: () => void }) => event.preventDefault();

/**
 * The open shift over the sell screen, with its keys: Alt+M cash in/out, Alt+X the X report,
 * Alt+Z close with a blind count. Each goes through the key gate.
 */
export function ShiftStrip({ state, shift, pairing }: { state: TillShiftState; shift: TillShift; pairing: PairedDevice }) {
  const { t, locale } = useI18n();
  const { db } = useTillServices();
  const opener = useLiveQuery(() => db.clerks.get(shift.open.cashierId), [db, shift.open.cashierId]);

  useEffect(() => {
    const keys: Record<string, () => void> = { m: state.askCash, x: state.printX, z: state.askClose };
    function onKeyDown(event: KeyboardEvent): void {
      const action = event.altKey && !event.ctrlKey && !event.metaKey ? keys[event.key.toLowerCase()] : undefined;
      if (!action || (event.target instanceof Element && event.target.closest('dialog[open]'))) return;
      event.preventDefault();
      action();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  return (
    <div className="shift-strip" data-testid="shift-strip" data-shift-id={shift.id}>
      <span className="label">
        {t('shift.strip', { time: formatClock(locale, shift.open.completedAt), name: opener?.name ?? '', float: formatMoney(minor(shift.open.floatMinor), pairing.store.currency) })}
      </span>
      {state.refused && (
        <span className="notice notice-error" role="alert" data-testid="shift-refused">
          {t('shift.refused', { key: t(`tillKey.${state.refused}`) })}
        </span>
      )}
      <ReportStatus print={state.reports.last} />
      <button type="button" className="button button-small" tabIndex={-1} onMouseDown={keepFocus} onClick={state.askCash} data-testid="shift-cash">
        {t('shift.cash')} <span className="key">Alt+M</span>
      </button>
      <button type="button" className="button button-small" tabIndex={-1} onMouseDown={keepFocus} onClick={state.printX} data-testid="shift-x">
        {t('shift.x')} <span className="key">Alt+X</span>
      </button>
      <button type="button" className="button button-small" tabIndex={-1} onMouseDown={keepFocus} onClick={state.askClose} data-testid="shift-close">
        {t('shift.close')} <span className="key">Alt+Z</span>
      </button>
    </div>
  );
}
