import type { ClerkChoice } from '../features/sales/sales-clerks';
import { useI18n } from '../i18n/i18n-context';
import { KeyLabel } from './key-label';
import './clerk-dialog.css';

const keepFocus = (event: { preventDefault: () => void }) => event.preventDefault();

/** Beside the scan field: the sales clerk (营业员) the till credits new lines to, or the cashier; its key or a click changes it. */
export function ClerkStrip({ clerk, onChange }: { clerk: ClerkChoice | null; onChange: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className={`button clerk-strip${clerk ? ' credited' : ''}`} tabIndex={-1} onMouseDown={keepFocus} onClick={onChange} data-testid="clerk-strip">
      <span className="clerk-strip-head">
        {t('clerk.strip')} <KeyLabel action="sales_clerk" />
      </span>
      <strong className="clerk-strip-name" data-testid="clerk-strip-name">{clerk ? `${clerk.code} ${clerk.name}` : t('clerk.cashier')}</strong>
    </button>
  );
}
