import { useState } from 'react';
import type { VoucherResult } from '@pos/shared';
import { useI18n } from '../i18n/i18n-context';
import type { SpentVoucher } from '../features/sales/check-voucher';
import { formatDateTime, formatMoney } from '../i18n/translate';
import './member-dialog.css';
import { useModalDialog } from './use-modal-dialog';

interface VoucherDialogProps {
  open: boolean;
  /** Each code presented, as the engine judged it against the basket. */
  vouchers: readonly VoucherResult[];
  currency: string;
  /** The last code HQ said another sale already spent. */
  spent: SpentVoucher | null;
  onAdd: (code: string) => void;
  onRemove: (code: string) => void;
  onClose: () => void;
}

/**
 * Vouchers and coupons (代金券/购物券) by code: each code typed or scanned is priced with the
 * basket at once, and the dialog says what it took off or why it does not apply.
 */
export function VoucherDialog({ open, vouchers, currency, spent, onAdd, onRemove, onClose }: VoucherDialogProps) {
  const { t, locale } = useI18n();
  const ref = useModalDialog(open);
  const [code, setCode] = useState('');
  return (
    <dialog ref={ref} className="member-dialog" onClose={onClose} data-testid="voucher-dialog">
      <form
        method="dialog"
        className="field"
        onSubmit={(event) => {
          event.preventDefault();
          const typed = code.trim();
          if (typed === '') return onClose();
          onAdd(typed);
          setCode('');
        }}
      >
        <h2>{t('voucher.title')}</h2>
        <p>{t('voucher.hint')}</p>
        <label className="field">
          <span>{t('voucher.codeLabel')}</span>
          <input className="input num" value={code} onChange={(event) => setCode(event.target.value.slice(0, 64))} autoComplete="off" autoFocus data-testid="voucher-code-input" />
        </label>
        {spent && (
          <div className="notice notice-error" role="alert" data-testid="voucher-spent">
            {t('voucher.spent', { code: spent.code, at: formatDateTime(locale, spent.redeemedAt) })}
          </div>
        )}
        {vouchers.length > 0 && (
          <ul className="voucher-list">
            {vouchers.map((voucher) => (
              <li key={voucher.code} className={voucher.status === 'applied' ? 'applied' : 'refused'} data-testid="voucher-row" data-status={voucher.status}>
                <span className="num">{voucher.code}</span>
                <span>{voucher.status === 'applied' ? `−${formatMoney(voucher.amountMinor, currency)}` : t(`voucher.status.${voucher.status}`)}</span>
                <button type="button" className="button" onClick={() => onRemove(voucher.code)}>
                  {t('voucher.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="dialog-buttons">
          <button type="button" className="button" onClick={onClose}>
            {t('voucher.done')} <span className="key">Esc</span>
          </button>
          <button type="submit" className="button button-primary" disabled={code.trim() === ''}>
            {t('voucher.add')} <span className="key">Enter</span>
          </button>
        </div>
      </form>
    </dialog>
  );
}
