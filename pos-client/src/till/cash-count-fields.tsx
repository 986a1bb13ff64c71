import { useEffect, useRef, useState } from 'react';
import { CNY_DENOMINATIONS, countedTotal, minor, parseMinor } from '@pos/shared';
import type { CashCount } from '../features/shifts/shift-records';
import { useI18n } from '../i18n/i18n-context';
import { formatMoney } from '../i18n/translate';

type Mode = 'total' | 'denominations';

/**
 * Cash as the cashier counts it: typed as a total, or note by note (the total follows). Tells
 * the parent the count, or null while what is typed is not an amount.
 */
export function CashCountFields({ id, currency, label, onChange }: { id: string; currency: string; label: string; onChange: (count: CashCount | null) => void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>('total');
  const [total, setTotal] = useState('');
  const [quantities, setQuantities] = useState<Record<number, string>>({});
  const firstRef = useRef<HTMLInputElement>(null);

  const parsedTotal = total.trim() === '' ? null : parseMinor(total);
  const denominations = CNY_DENOMINATIONS.map((faceMinor) => ({ faceMinor, quantity: Number(quantities[faceMinor] || '0') })).filter((d) => d.quantity > 0);
  const count: CashCount | null =
    mode === 'total' ? (parsedTotal !== null && parsedTotal >= 0 ? { totalMinor: parsedTotal, denominations: null } : null) : { totalMinor: countedTotal(denominations), denominations };

  useEffect(() => onChange(count), [mode, total, JSON.stringify(quantities)]);
  useEffect(() => firstRef.current?.focus(), [mode]);

  return (
    <div className="cash-count">
      <div className="segmented" role="radiogroup" aria-label={t('count.mode')}>
        {(['total', 'denominations'] as const).map((m) => (
          <button key={m} type="button" role="radio" aria-checked={mode === m} className={`button button-small${mode === m ? ' chosen' : ''}`} onClick={() => setMode(m)} data-testid={`${id}-mode-${m}`}>
            {t(m === 'total' ? 'count.byTotal' : 'count.byDenomination')}
          </button>
        ))}
      </div>
      {mode === 'total' ? (
        <label className="field">
          <span>{label}</span>
          <input ref={firstRef} className="input num count-total" value={total} onChange={(event) => setTotal(event.target.value)} inputMode="decimal" autoComplete="off" data-testid={`${id}-total`} />
          {total.trim() !== '' && parsedTotal === null && <span className="field-problem" role="alert">{t('count.invalid')}</span>}
        </label>
      ) : (
        <>
          <div className="denominations">
            {CNY_DENOMINATIONS.map((face, index) => (
              <label key={face} className="denomination">
                <span aria-hidden="true">{formatMoney(minor(face), currency)}</span>
                <input
                  ref={index === 0 ? firstRef : undefined}
                  className="input num"
                  aria-label={t('count.quantity', { face: formatMoney(minor(face), currency) })}
                  value={quantities[face] ?? ''}
                  onChange={(event) => setQuantities({ ...quantities, [face]: event.target.value.replace(/\D/g, '').slice(0, 6) })}
                  inputMode="numeric"
                  autoComplete="off"
                  data-testid={`${id}-face-${face}`}
                />
              </label>
            ))}
          </div>
          <div className="count-sum num" data-testid={`${id}-sum`} aria-live="polite">
            {t('count.sum', { amount: formatMoney(minor(count?.totalMinor ?? 0), currency) })}
          </div>
        </>
      )}
    </div>
  );
}

