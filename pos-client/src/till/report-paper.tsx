import { eastAsianWidth, layoutReceipt, type ReceiptModel } from '@pos/shared/receipt/index';
import type { ReportPrint } from '../features/shifts/use-shift-reports';
import { bridgeErrorText } from '../i18n/bridge-error-text';
import { useI18n } from '../i18n/i18n-context';
import './bridge.css';

/** A report laid out on screen as the printer prints it. */
export function ReportPaper({ model }: { model: ReceiptModel }) {
  const lines = layoutReceipt(model, { columns: 42, width: eastAsianWidth });
  return (
    <div className="receipt-paper report-paper" data-testid="report-paper">
      {lines.map((line, index) => {
        if (line.kind === 'logo') return null;
        if (line.kind === 'code') return <div key={index} className="code">[{line.data}]</div>;
        const className = [line.bold ? 'bold' : '', line.large ? 'large' : ''].filter(Boolean).join(' ');
        return <div key={index} className={className || undefined}>{line.text || '\u00a0'}</div>;
      })}
    </div>
  );
}

/** How the last report's print went. */
export function ReportStatus({ print }: { print: ReportPrint | null }) {
  const { t, locale } = useI18n();
  const outcome = print?.outcome;
  if (!print) return null;
  const text = !outcome
    ? t('report.printing')
    : outcome.via === 'browser'
      ? t('report.browser')
      : outcome.via === 'failed'
        ? t('report.failed', { reason: bridgeErrorText(locale, outcome.code) })
        : t('report.printed');
  return (
    <div className={`notice ${outcome?.via === 'failed' ? 'notice-error' : 'notice-info'}`} role="status" data-testid="report-status" data-via={outcome?.via ?? 'pending'}>
      {text}
    </div>
  );
}
