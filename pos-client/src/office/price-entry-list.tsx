import type { MemberLevel, PriceEntry, Store } from '@pos/shared';
import { formatAmount } from '../features/office-core/format-amount';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime } from '../i18n/translate';

interface Props {
  entries: PriceEntry[];
  stores: Store[];
  levels: MemberLevel[];
  onCancel: (id: string) => void;
}

/** The product's price entries: chain first, then stores; a change that has not started yet can be cancelled. */
export function PriceEntryList({ entries, stores, levels, onCancel }: Props) {
  const { t, locale, pickName } = useI18n();
  const now = Date.now();
  const storeName = (id: string | null) => (id === null ? t('office.prices.chain') : (stores.find((s) => s.id === id)?.code ?? id.slice(0, 8)));
  const levelName = (id: string | null | undefined) => {
    const level = levels.find((l) => l.id === id);
    return level ? ` · ${pickName(level)}` : '';
  };
  const sorted = entries
    .filter((e) => e.active)
    .sort((a, b) => Number(a.storeId !== null) - Number(b.storeId !== null) || a.kind.localeCompare(b.kind) || (a.effectiveFrom ?? '').localeCompare(b.effectiveFrom ?? ''));
  if (sorted.length === 0) return <p className="office-muted">{t('office.prices.noEntries')}</p>;
  return (
    <table className="office-table">
      <thead>
        <tr>
          <th>{t('office.prices.scope')}</th>
          <th>{t('office.prices.kind')}</th>
          <th className="right">{t('office.prices.amount')}</th>
          <th>{t('office.prices.from')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {sorted.map((e) => {
          const scheduled = e.effectiveFrom !== null && new Date(e.effectiveFrom).getTime() > now;
          return (
            <tr key={e.id}>
              <td>{storeName(e.storeId)}</td>
              <td>{t(`office.prices.kind.${e.kind}`)}{levelName(e.memberLevelId)}</td>
              <td className="right num">{formatAmount(e.amountMinor)}</td>
              <td>
                {e.effectiveFrom ? formatDateTime(locale, e.effectiveFrom) : t('office.prices.always')}
                {scheduled && <span className="office-badge office-badge-scheduled">{t('office.prices.scheduled')}</span>}
              </td>
              <td className="right">
                {scheduled && (
                  <button type="button" className="office-link office-button-danger" onClick={() => onCancel(e.id)}>
                    {t('office.prices.cancel')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
