import type { ReactNode } from 'react';
import type { PairedDevice } from '@pos/shared';
import type { ClerkSignIn } from '../db/till-db';
import { useLiveQuery } from '../db/use-live-query';
import { useTillServices } from '../app/services-context';
import { useTillShift } from '../features/shifts/use-till-shift';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime } from '../i18n/translate';
import { ApprovalDialog } from './approval-dialog';
import { CashMovementDialog } from './cash-movement-dialog';
import { CenteredCard } from './centered-card';
import { ShiftCloseDialog } from './shift-close-dialog';
import { ShiftClosedScreen } from './shift-closed-screen';
import { ShiftOpenScreen } from './shift-open-screen';
import { ShiftStrip } from './shift-strip';

/**
 * Selling needs an open shift (班次) on the till: with none, the cashier opens one counting the
 * float; with a colleague's still open, it is closed with a blind count first. With the
 * cashier's own shift open, the sell screen shows under the shift's keys.
 */
export function ShiftGate({ pairing, session, children }: { pairing: PairedDevice; session: ClerkSignIn; children: ReactNode }) {
  const state = useTillShift(pairing, session);
  const currency = pairing.store.currency;
  const dialogs = (
    <>
      <CashMovementDialog open={state.dialog?.kind === 'cash'} reasons={state.reasons} onRecord={state.moveCash} onClose={() => state.closeDialog('cash')} />
      <ShiftCloseDialog open={state.dialog?.kind === 'close'} currency={currency} onClose={state.close} onCancel={() => state.closeDialog('close')} />
      {state.asking && <ApprovalDialog gate={state.gate} asking={state.asking} />}
    </>
  );
  const closed = state.justClosed?.shift.close;
  if (closed) return <ShiftClosedScreen state={state} currency={currency} close={closed} />;
  if (state.loading) return null;
  if (!state.shift) return <ShiftOpenScreen pairing={pairing} onOpen={state.open} />;
  if (state.shift.open.cashierId !== session.clerkId) {
    return (
      <>
        <OtherShift cashierId={state.shift.open.cashierId} openedAt={state.shift.open.completedAt} onClose={state.askClose} refused={state.refused !== null} />
        {dialogs}
      </>
    );
  }
  return (
    <div className="shift-frame">
      <ShiftStrip state={state} shift={state.shift} pairing={pairing} />
      {children}
      {dialogs}
    </div>
  );
}

function OtherShift({ cashierId, openedAt, onClose, refused }: { cashierId: string; openedAt: string; onClose: () => void; refused: boolean }) {
  const { t, locale } = useI18n();
  const { db } = useTillServices();
  const opener = useLiveQuery(() => db.clerks.get(cashierId), [db, cashierId]);
  return (
    <CenteredCard>
      <h1>{t('shift.other.title')}</h1>
      <p>{t('shift.other.hint', { name: opener ? `${opener.name} (${opener.code})` : '', time: formatDateTime(locale, openedAt) })}</p>
      {refused && (
        <div className="notice notice-error" role="alert">
          {t('shift.refused', { key: t('tillKey.shift_close') })}
        </div>
      )}
      <button type="button" className="button button-primary" onClick={onClose} autoFocus data-testid="shift-close">
        {t('shift.close')}
      </button>
    </CenteredCard>
  );
}
