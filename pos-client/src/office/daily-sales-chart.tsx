import { formatCount, formatMoneyText } from '../features/office-core/format-amount';
import { useI18n } from '../i18n/i18n-context';

const width = 960;
const height = 220;
const left = 64;
const bottom = 24;
const top = 8;

/** A round axis top above `max`: 1, 2 or 5 times a power of ten. */
export function niceCeiling(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 5, 10].map((f) => f * power).find((v) => v >= max) ?? 10 * power);
}

/** Daily sales as bars; each bar names its day and amount on hover. */
export function DailySalesChart({ days }: { days: { date: string; salesMinor: number; tickets: number }[] }) {
  const { t } = useI18n();
  const ceiling = niceCeiling(Math.max(0, ...days.map((d) => d.salesMinor)));
  const plotWidth = width - left;
  const plotHeight = height - bottom - top;
  const slot = plotWidth / Math.max(1, days.length);
  const labelEvery = Math.max(1, Math.ceil(days.length / 10));
  const y = (value: number) => top + plotHeight - (value / ceiling) * plotHeight;
  return (
    <svg className="office-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('office.report.chartTitle')}>
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line x1={left} x2={width} y1={y(ceiling * f)} y2={y(ceiling * f)} className="office-chart-grid" />
          <text x={left - 8} y={y(ceiling * f) + 4} textAnchor="end" className="office-chart-label">
            {formatCount(Math.round((ceiling * f) / 100))}
          </text>
        </g>
      ))}
      {days.map((day, i) => (
        <g key={day.date}>
          <rect x={left + i * slot + slot * 0.15} y={y(day.salesMinor)} width={slot * 0.7} height={Math.max(0, top + plotHeight - y(day.salesMinor))} rx={2} className="office-chart-bar">
            <title>{`${day.date} · ${formatMoneyText(day.salesMinor)} · ${t('office.report.ticketsCount', { count: day.tickets })}`}</title>
          </rect>
          {i % labelEvery === 0 && (
            <text x={left + i * slot + slot / 2} y={height - 6} textAnchor="middle" className="office-chart-label">
              {day.date.slice(5)}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}
