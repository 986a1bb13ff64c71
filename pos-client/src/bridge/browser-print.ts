import type { ReceiptModel } from '@pos/shared/receipt/index';
import { renderReceiptHtml } from './receipt-html';

/** With no bridge, the receipt goes through the browser's print dialog from a hidden frame. */
export function printReceiptInBrowser(model: ReceiptModel, doc: Document = document): void {
  const frame = doc.createElement('iframe');
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;visibility:hidden';
  frame.srcdoc = renderReceiptHtml(model);
  frame.onload = () => {
    const focused = doc.activeElement;
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    // The print dialog has closed: what the cashier was in (the scan field, a dialog opened meanwhile) takes the keys again.
    if (focused instanceof HTMLElement) focused.focus();
    setTimeout(() => frame.remove(), 1000);
  };
  doc.body.appendChild(frame);
}
