import { useEffect, useRef, useState } from 'react';
import type { Minor } from '@pos/shared';
import { parseNewPrice, type PriceOverrideProblem } from '../features/permissions/price-override';
import { useI18n } from '../i18n/i18n-context';
import { currencyExponent, formatMoney } from '../i18n/translate';
import { DialogButtons } from './dialog-buttons';
import { useModalDialog } from './use-modal-dialog';
import './bridge.css';
import './discount-dialog.css';
import './member-dialog.css';

interface PriceDialogProps {
  open: boolean;
  line: { id: string; nameZh: string; nameEn: string; unitPriceMinor: Minor } | null;
  currency: string;
  onSet: (lineId: string, unitPriceMinor: Minor) => void;
  onClose: () => void;
}

/** A new price per piece for the selected line (改价, F7): lower than its price; a manager approves it when the clerk's role asks for one. */
export function PriceDialog({ open, line, currency, onSet, onClose }: PriceDialogProps) {
  const { t, errorText, pickName } = useI18n();
  const ref = useModalDialog(open);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<PriceOverrideProblem | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setText('');
    setProblem(null);
    if (open) inputRef.current?.focus();
  }, [open]);

  return (
    <dialog ref={ref} className="discount-dialog" aria-labelledby="price-title" onClose={onClose} data-testid="price-dialog">
      <form
        method="dialog"
        className="field"
        onSubmit={(event) => {
          event.preventDefault();
          if (!line) return onClose();
          const parsed = parseNewPrice(text, line.unitPriceMinor, currencyExponent(currency));
          if (!parsed.ok) return setProblem(parsed.code);
          onSet(line.id, parsed.unitPriceMinor);
        }}
      >
        <h2 id="price-title">{t('priceOverride.title')}</h2>
        {line && <p>{t('priceOverride.line', { name: pickName(line), price: formatMoney(line.unitPriceMinor, currency) })}</p>}
        <label className="field">
          <span>{t('priceOverride.newPrice', { currency })}</span>
          <input ref={inputRef} className="input num" value={text} onChange={(event) => { setText(event.target.value.replace(/[^\d.,]/g, '').slice(0, 10)); setProblem(null); }} inputMode="decimal" autoComplete="off" data-testid="price-input" />
        </label>
        {problem && (
          <div className="notice notice-error" role="alert" data-testid="price-problem">
            {errorText(problem)}
          </div>
        )}
        <DialogButtons onCancel={onClose} submit={{ label: t('priceOverride.apply'), testId: 'price-apply' }} />
      </form>
    </dialog>
  );
}
