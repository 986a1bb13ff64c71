import type { ReceiptModel } from '@pos/shared/receipt/index';
import { printReceiptInBrowser } from '../bridge/browser-print';
import { useI18n } from '../i18n/i18n-context';
import { ReceiptPaper } from './receipt-paper';
import './bridge.css';

const keepFocus = (event: { preventDefault: () => void }) => event.preventDefault();

/** With no bridge, the receipt on screen, laid out as the printer would, until the next item is scanned. */
export function ReceiptPreview({ model, receiptNo }: { model: ReceiptModel; receiptNo: string }) {
  const { t } = useI18n();
  const title = t('receipt.onScreenTitle', { receipt: receiptNo });
  return (
    <section className="receipt-preview" data-testid="receipt-preview">
      <div className="receipt-aside">
        <strong>{title}</strong>
        <button type="button" className="button button-small" tabIndex={-1} onMouseDown={keepFocus} onClick={() => printReceiptInBrowser(model)} data-testid="receipt-print">
          {t('receipt.print')}
        </button>
      </div>
      <ReceiptPaper model={model} label={title} scrollTo="total" />
    </section>
  );
}
