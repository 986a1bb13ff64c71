import { formatAmount } from '../features/office-core/format-amount';
import type { Figures, StoreFigures } from '../features/office-reports/store-day-summary';
import { useI18n } from '../i18n/i18n-context';
import { TrafficCells } from './traffic-cells';

export function StoreTotalsTable({ rows, totals }: { rows: StoreFigures[]; totals: Figures }) {
  const { t } = useI18n();
  if (rows.length === 0) return <p className="office-empty">{t('office.report.noRows')}</p>;
  return (
    <table className="office-table">
      <thead>
        <tr>
          <th>{t('office.report.colStore')}</th>
          <th className="right">{t('office.report.colSales')}</th>
          <th className="office-share-col">{t('office.report.colShare')}</th>
          <th className="right">{t('office.report.colTickets')}</th>
          <th className="right">{t('office.report.colItems')}</th>
          <th className="right">{t('office.report.colBasket')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.store.id}>
            <td>
              <span className="office-code">{r.store.code}</span> {r.store.name}
            </td>
            <td className="right num">{formatAmount(r.salesMinor)}</td>
            <td className="office-share-col">
              <span className="office-share">
                <span style={{ width: `${r.shareBp / 100}%` }} />
              </span>
              <span className="num">{(r.shareBp / 100).toFixed(1)}%</span>
            </td>
            <TrafficCells figures={r} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td>{t('office.report.total')}</td>
          <td className="right num">{formatAmount(totals.salesMinor)}</td>
          <td />
          <TrafficCells figures={totals} />
        </tr>
      </tfoot>
    </table>
  );
}
