import { useState } from 'react';
import type { PairedDevice } from '@pos/shared';
import type { CashCount } from '../features/shifts/shift-records';
import { useI18n } from '../i18n/i18n-context';
import { CenteredCard } from './centered-card';
import { CashCountFields } from './cash-count-fields';
import './shift.css';

/** No shift is open on this till: the cashier counts the float and opens one before selling. */
export function ShiftOpenScreen({ pairing, onOpen }: { pairing: PairedDevice; onOpen: (count: CashCount) => Promise<unknown> }) {
  const { t } = useI18n();
  const [count, setCount] = useState<CashCount | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <CenteredCard>
      <h1>{t('shift.open.title')}</h1>
      <p>{t('shift.open.hint')}</p>
      <form
        className="field shift-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!count || busy) return;
          setBusy(true);
          void onOpen(count).finally(() => setBusy(false));
        }}
      >
        <CashCountFields id="float" currency={pairing.store.currency} label={t('shift.float')} onChange={setCount} />
        <button type="submit" className="button button-primary" disabled={!count || busy} data-testid="shift-open-button">
          {t('shift.open.submit')} <span className="key">Enter</span>
        </button>
      </form>
    </CenteredCard>
  );
}
