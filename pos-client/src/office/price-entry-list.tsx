import { Button, Table, Tag } from 'antd';
import type { MemberLevel, PriceEntry, Store } from '@pos/shared';
import { formatAmount } from '../features/office-core/format-amount';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime } from '../i18n/translate';

interface Props {
  entries: PriceEntry[];
  stores: Store[];
  levels: MemberLevel[];
  cancelling: boolean;
  onCancel: (id: string) => void;
}

/** The product's price entries: chain first, then stores; a change that has not started yet can be cancelled. */
export function PriceEntryList({ entries, stores, levels, cancelling, onCancel }: Props) {
  const { t, locale, pickName } = useI18n();
  const now = Date.now();
  const storeName = (id: string | null) => (id === null ? t('office.prices.chain') : (stores.find((s) => s.id === id)?.code ?? id.slice(0, 8)));
  const levelName = (id: string | null | undefined) => {
    const level = levels.find((l) => l.id === id);
    return level ? ` · ${pickName(level)}` : '';
  };
  const scheduled = (e: PriceEntry) => e.effectiveFrom !== null && new Date(e.effectiveFrom).getTime() > now;
  const sorted = entries
    .filter((e) => e.active)
    .sort((a, b) => Number(a.storeId !== null) - Number(b.storeId !== null) || a.kind.localeCompare(b.kind) || (a.effectiveFrom ?? '').localeCompare(b.effectiveFrom ?? ''));
  return (
    <Table<PriceEntry>
      className="office-price-entries"
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={sorted}
      locale={{ emptyText: t('office.prices.noEntries') }}
      columns={[
        { key: 'scope', title: t('office.prices.scope'), render: (_, e) => storeName(e.storeId) },
        { key: 'kind', title: t('office.prices.kind'), render: (_, e) => `${t(`office.prices.kind.${e.kind}`)}${levelName(e.memberLevelId)}` },
        { key: 'amount', title: t('office.prices.amount'), align: 'right', className: 'num', render: (_, e) => formatAmount(e.amountMinor) },
        {
          key: 'from',
          title: t('office.prices.from'),
          render: (_, e) => (
            <>
              {e.effectiveFrom ? formatDateTime(locale, e.effectiveFrom) : t('office.prices.always')}
              {scheduled(e) && <Tag color="processing" className="office-tag">{t('office.prices.scheduled')}</Tag>}
            </>
          ),
        },
        {
          key: 'action',
          title: <span className="office-visually-hidden">{t('office.devices.actions')}</span>,
          align: 'right',
          render: (_, e) => scheduled(e) && <Button type="link" danger size="small" disabled={cancelling} onClick={() => onCancel(e.id)}>{t('office.prices.cancel')}</Button>,
        },
      ]}
    />
  );
}
