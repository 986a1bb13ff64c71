import type { StoreDayRow } from '@pos/shared';
import { formatAmount } from '../features/office-core/format-amount';
import type { Figures } from '../features/office-reports/store-day-summary';
import { useI18n } from '../i18n/i18n-context';
import { TrafficCells } from './traffic-cells';

export function StoreDayTable({ rows, totals }: { rows: StoreDayRow[]; totals: Figures }) {
  const { t } = useI18n();
  if (rows.length === 0) return <p className="office-empty">{t('office.report.noRows')}</p>;
  return (
    <div className="office-table-scroll">
      <table className="office-table">
        <thead>
          <tr>
            <th>{t('office.report.colDate')}</th>
            <th>{t('office.report.colStore')}</th>
            <th className="right">{t('office.report.colSales')}</th>
            <th className="right">{t('office.report.colTickets')}</th>
            <th className="right">{t('office.report.colItems')}</th>
            <th className="right">{t('office.report.colBasket')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.businessDate}-${r.storeId}`}>
              <td className="num">{r.businessDate}</td>
              <td>
                <span className="office-code">{r.storeCode}</span> {r.storeName}
              </td>
              <td className="right num">{formatAmount(r.salesMinor)}</td>
              <TrafficCells figures={r} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={2}>{t('office.report.total')}</td>
            <td className="right num">{formatAmount(totals.salesMinor)}</td>
            <TrafficCells figures={totals} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
