import type { StoreDayReport } from '@pos/shared';
import { createPortal } from 'react-dom';
import { formatCount, formatMoneyText } from '../features/office-core/format-amount';
import { useI18n } from '../i18n/i18n-context';

interface Props {
  report: StoreDayReport;
  /** Who prints it, and when: printed on the sheet, as the chain's auditors ask of a printed report. */
  printedBy: string;
  printedAt: Date;
}

/**
 * The store-day report as a plain sheet for paper: only printing shows it (office.css hides the
 * rest of the page then), with the range, every store's every day, the totals and who printed it.
 */
export function StoreDayPrintSheet({ report, printedBy, printedAt }: Props) {
  const { t, locale } = useI18n();
  const figures = (f: { salesMinor: number; tickets: number; items: number; averageBasketMinor: number }) => [
    formatMoneyText(f.salesMinor), formatCount(f.tickets), formatCount(f.items), formatMoneyText(f.averageBasketMinor),
  ];
  return createPortal(
    <section className="office-print-sheet" aria-hidden="true">
      <h1>{t('office.report.title')}</h1>
      <p>{t('office.report.printRange', { from: report.from, to: report.to })}</p>
      <table>
        <thead>
          <tr>
            {[t('office.report.colDate'), t('office.report.colStore'), t('office.report.colSales'), t('office.report.colTickets'), t('office.report.colItems'), t('office.report.colBasket')]
              .map((heading) => <th key={heading}>{heading}</th>)}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr key={`${r.businessDate}-${r.storeId}`}>
              <td>{r.businessDate}</td>
              <td>{r.storeCode} {r.storeName}</td>
              {figures(r).map((value, i) => <td key={i} className="num">{value}</td>)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={2}>{t('office.report.total')}</th>
            {figures(report.totals).map((value, i) => <th key={i} className="num">{value}</th>)}
          </tr>
        </tfoot>
      </table>
      <p className="office-print-footer">{t('office.report.printedBy', { name: printedBy, at: printedAt.toLocaleString(locale) })}</p>
    </section>,
    document.body,
  );
}
