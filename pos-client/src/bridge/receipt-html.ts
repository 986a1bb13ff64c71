import { eastAsianWidth, layoutReceipt, type ReceiptModel } from '@pos/shared/receipt/index';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A receipt as a printable page, laid out by the same code as the printer's, so columns line
 * up in a monospace font where Chinese characters are double width.
 */
export function renderReceiptHtml(model: ReceiptModel, columns = 42): string {
  const body = layoutReceipt(model, { columns, width: eastAsianWidth })
    .map((line) => {
      if (line.kind === 'logo') return '';
      if (line.kind === 'code') return `<div class="code">${escape(line.data)}</div>`;
      const style = [line.bold ? 'font-weight:bold' : '', line.large ? 'font-size:200%' : ''].filter(Boolean).join(';');
      return `<div${style ? ` style="${style}"` : ''}>${escape(line.text) || '&nbsp;'}</div>`;
    })
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(model.documentId)}</title><style>
@page { size: 80mm auto; margin: 2mm; }
body { margin: 0; font: 12px/1.3 "Noto Sans Mono CJK SC", "Sarasa Mono SC", "SimSun", monospace; white-space: pre; }
.code { text-align: center; margin: 4px 0; letter-spacing: 1px; }
</style></head><body>
${body}
</body></html>`;
}
