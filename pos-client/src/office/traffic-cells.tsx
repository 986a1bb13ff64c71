import { formatAmount, formatCount } from '../features/office-core/format-amount';
import type { Figures } from '../features/office-reports/store-day-summary';

/** Tickets, items and the average basket: the last three columns of every store-day table row. */
export function TrafficCells({ figures }: { figures: Figures }) {
  return (
    <>
      <td className="right num">{formatCount(figures.tickets)}</td>
      <td className="right num">{formatCount(figures.items)}</td>
      <td className="right num">{formatAmount(figures.averageBasketMinor)}</td>
    </>
  );
}
