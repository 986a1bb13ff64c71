import { useEffect, useRef } from 'react';
import { eastAsianWidth, layoutReceipt, type ReceiptModel } from '@pos/shared/receipt/index';
import { printReceiptInBrowser } from '../bridge/browser-print';
import { useI18n } from '../i18n/i18n-context';
import './bridge.css';

const keepFocus = (event: { preventDefault: () => void }) => event.preventDefault();

/** With no bridge, the receipt on screen, laid out as the printer would, until the next item is scanned. */
export function ReceiptPreview({ model, receiptNo }: { model: ReceiptModel; receiptNo: string }) {
  const { t } = useI18n();
  const totalRef = useRef<HTMLDivElement>(null);
  const lines = layoutReceipt(model, { columns: 42, width: eastAsianWidth });
  // The first bold line after the large store name is the total: the part the cashier reads out.
  const totalIndex = lines.findIndex((line) => line.kind === 'text' && line.bold && !line.large);

  useEffect(() => {
    totalRef.current?.scrollIntoView({ block: 'center' });
  }, [model]);

  return (
    <section className="receipt-preview" data-testid="receipt-preview">
      <div className="receipt-aside">
        <strong>{t('receipt.onScreenTitle', { receipt: receiptNo })}</strong>
        <button type="button" className="button button-small" tabIndex={-1} onMouseDown={keepFocus} onClick={() => printReceiptInBrowser(model)} data-testid="receipt-print">
          {t('receipt.print')}
        </button>
      </div>
      <div className="receipt-paper" data-testid="receipt-paper">
        {lines.map((line, index) => {
          if (line.kind === 'logo') return null;
          if (line.kind === 'code') return <div key={index} className="code">[{line.data}]</div>;
          const className = [line.bold ? 'bold' : '', line.large ? 'large' : ''].filter(Boolean).join(' ');
          return (
            <div key={index} ref={index === totalIndex ? totalRef : undefined} className={className || undefined}>
              {line.text || '\u00a0'}
            </div>
          );
        })}
      </div>
    </section>
  );
}
