import { minor, type PairedDevice } from '@pos/shared';
import type { TillShift } from '../db/till-db';
import type { TillShiftState } from '../features/shifts/use-till-shift';
import { useI18n } from '../i18n/i18n-context';
import { formatClock, formatMoney } from '../i18n/translate';
import { useLiveQuery } from '../db/use-live-query';
import { useTillServices } from '../app/services-context';
import { useActionKeys } from '../features/shortcuts/use-action-keys';
import { KeyLabel } from './key-label';
import { ReportStatus } from './receipt-paper';
import './shift.css';

const keepFocus = (event: { preventDefault: () => void }) => event.preventDefault();

/**
 * The open shift over the sell screen, with its keys (by default Alt+M cash in/out, Alt+X the
 * X report, Alt+Z close with a blind count). Each goes through the key gate.
 */
export function ShiftStrip({ state, shift, pairing }: { state: TillShiftState; shift: TillShift; pairing: PairedDevice }) {
  const { t, locale } = useI18n();
  const { db } = useTillServices();
  const opener = useLiveQuery(() => db.clerks.get(shift.open.cashierId), [db, shift.open.cashierId]);

  useActionKeys({ cash_in_out: state.askCash, x_report: state.printX, shift_close: state.askClose });

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
        {t('shift.cash')} <KeyLabel action="cash_in_out" />
      </button>
      <button type="button" className="button button-small" tabIndex={-1} onMouseDown={keepFocus} onClick={state.printX} data-testid="shift-x">
        {t('shift.x')} <KeyLabel action="x_report" />
      </button>
      <button type="button" className="button button-small" tabIndex={-1} onMouseDown={keepFocus} onClick={state.askClose} data-testid="shift-close">
        {t('shift.close')} <KeyLabel action="shift_close" />
      </button>
    </div>
  );
}
