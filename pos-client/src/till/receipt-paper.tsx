import { useEffect, useRef } from 'react';
import { eastAsianWidth, layoutReceipt, type ReceiptModel } from '@pos/shared/receipt/index';
import type { ReportPrint } from '../features/shifts/use-shift-reports';
import { bridgeErrorText } from '../i18n/bridge-error-text';
import { useI18n } from '../i18n/i18n-context';
import './bridge.css';

/** A receipt or report laid out on screen as the printer prints it; it scrolls, so it takes keyboard focus and a name. */
export function ReceiptPaper({ model, label, className = '', scrollTo }: { model: ReceiptModel; label: string; className?: string; scrollTo?: 'total' }) {
  const totalRef = useRef<HTMLDivElement>(null);
  const lines = layoutReceipt(model, { columns: 42, width: eastAsianWidth });
  // The first bold line after the large store name is the total: the part the cashier reads out.
  const totalIndex = scrollTo === 'total' ? lines.findIndex((line) => line.kind === 'text' && line.bold && !line.large) : -1;

  useEffect(() => {
    totalRef.current?.scrollIntoView({ block: 'center' });
  }, [model]);

  return (
    <div className={`receipt-paper ${className}`.trim()} data-testid="receipt-paper" tabIndex={0} role="region" aria-label={label}>
      {lines.map((line, index) => {
        if (line.kind === 'logo') return null;
        if (line.kind === 'code') return <div key={index} className="code">[{line.data}]</div>;
        const lineClass = [line.bold ? 'bold' : '', line.large ? 'large' : ''].filter(Boolean).join(' ');
        return (
          <div key={index} ref={index === totalIndex ? totalRef : undefined} className={lineClass || undefined}>
            {line.text || '\u00a0'}
          </div>
        );
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
