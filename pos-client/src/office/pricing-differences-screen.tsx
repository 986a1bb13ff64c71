import { Card, Checkbox, Form, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { minor, type PricingDiscrepancy } from '@pos/shared';
import { useScopeStores } from '../features/office-core/office-queries';
import { usePricingDifferences } from '../features/office-pricing/use-pricing-differences';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime, formatMoney } from '../i18n/translate';
import { HqErrorAlert } from './hq-error';

/** The problems HQ's re-pricing names, each with its words; another code shows as it is. */
const PROBLEMS = {
  NO_PRICE: 'office.pricingDiff.problem.NO_PRICE',
  ITEM_NOT_FOUND: 'office.pricingDiff.problem.ITEM_NOT_FOUND',
  ITEM_INACTIVE: 'office.pricingDiff.problem.ITEM_INACTIVE',
  NOT_IN_ASSORTMENT: 'office.pricingDiff.problem.NOT_IN_ASSORTMENT',
  PRODUCT_DISCONTINUED: 'office.pricingDiff.problem.PRODUCT_DISCONTINUED',
  VOUCHER_REUSED: 'office.pricingDiff.problem.VOUCHER_REUSED',
  GIFT_NOT_DUE: 'office.pricingDiff.problem.GIFT_NOT_DUE',
  GIFT_MISSING: 'office.pricingDiff.problem.GIFT_MISSING',
  ROUNDING: 'office.pricingDiff.problem.ROUNDING',
  REPRICE_FAILED: 'office.pricingDiff.problem.REPRICE_FAILED',
} as const;
const isKnown = (problem: string): problem is keyof typeof PROBLEMS => Object.hasOwn(PROBLEMS, problem);

/**
 * Pricing differences (价格差异): every sale HQ priced again as it arrived and got another amount
 * than the till charged, with its store, receipt and product, what went wrong, each rule's part on
 * either side, and whether the till priced with older prices or promotions than HQ then held. The
 * sale stands as the till made it; this is where HQ finds a till that fell behind or a rule that
 * prices differently.
 */
export function PricingDifferencesScreen() {
  const { t, locale, pickName } = useI18n();
  const stores = useScopeStores();
  const [storeId, setStoreId] = useState<string | undefined>(undefined);
  const [behind, setBehind] = useState(false);
  const differences = usePricingDifferences({ storeId, behind });
  const currencyOf = new Map((stores.data ?? []).map((s) => [s.id, s.currency]));
  const money = (row: PricingDiscrepancy, amount: number) => formatMoney(minor(amount), currencyOf.get(row.storeId) ?? 'CNY');
  const items = differences.data?.items ?? [];
  const columns: TableColumnsType<PricingDiscrepancy> = [
    { title: t('office.pricingDiff.colAt'), key: 'at', render: (_, d) => <span className="num">{formatDateTime(locale, d.completedAt)}</span> },
    { title: t('office.pricingDiff.colStore'), key: 'store', dataIndex: 'storeCode' },
    { title: t('office.pricingDiff.colReceipt'), key: 'receipt', render: (_, d) => <span className="num">{d.receiptNo}</span> },
    { title: t('office.pricingDiff.colItem'), key: 'item', render: (_, d) => (d.product ? `${d.product.sku} · ${pickName(d.product)}` : t('office.pricingDiff.wholeTicket')) },
    { title: t('office.pricingDiff.colTill'), key: 'till', align: 'right', render: (_, d) => <span className="num">{money(d, d.tillMinor)}</span> },
    { title: t('office.pricingDiff.colHq'), key: 'hq', align: 'right', render: (_, d) => <span className="num">{money(d, d.hqMinor)}</span> },
    {
      title: t('office.pricingDiff.colDifference'), key: 'difference', align: 'right',
      render: (_, d) => <strong className="num" data-testid="pricing-difference-amount">{d.differenceMinor > 0 ? '+' : ''}{money(d, d.differenceMinor)}</strong>,
    },
    {
      title: t('office.pricingDiff.colWhat'), key: 'what',
      render: (_, d) => (
        <Space size={4} wrap>
          <span data-testid="pricing-difference-problem">{d.problem === null ? t('office.pricingDiff.problem.amounts') : isKnown(d.problem) ? t(PROBLEMS[d.problem]) : d.problem}</span>
          {d.tillBehind && <Tag color="#ad4e00" data-testid="pricing-difference-behind">{t('office.pricingDiff.tillBehind')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('office.pricingDiff.colRules'), key: 'rules',
      render: (_, d) => d.rules.length === 0 ? '—' : (
        <ul className="office-plain-list" data-testid="pricing-difference-rules">
          {d.rules.map((r) => (
            <li key={r.id}>
              {r.name}
              {(r.tillMinor !== null || r.hqMinor !== null) && (
                <span className="num"> · {t('office.pricingDiff.ruleParts', { till: r.tillMinor === null ? '—' : money(d, r.tillMinor), hq: r.hqMinor === null ? '—' : money(d, r.hqMinor) })}</span>
              )}
            </li>
          ))}
        </ul>
      ),
    },
  ];
  const total = items.reduce((sum, d) => sum + d.differenceMinor, 0);
  return (
    <section className="office-page" data-testid="pricing-differences-screen">
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('office.pricingDiff.title')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('office.pricingDiff.hint')}</Typography.Paragraph>
      </header>
      <Card>
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label={t('office.pricingDiff.store')} htmlFor="pricing-differences-store">
            <Select id="pricing-differences-store" style={{ minWidth: 240 }} value={storeId ?? ''} onChange={(value: string) => setStoreId(value === '' ? undefined : value)}
              options={[{ value: '', label: t('office.pricingDiff.allStores') }, ...(stores.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` }))]} />
          </Form.Item>
          <Form.Item>
            <Checkbox checked={behind} onChange={(e) => setBehind(e.target.checked)} data-testid="pricing-differences-behind">{t('office.pricingDiff.onlyBehind')}</Checkbox>
          </Form.Item>
        </Form>
      </Card>
      <HqErrorAlert error={differences.error ?? stores.error} />
      <Card>
        <Typography.Paragraph data-testid="pricing-differences-summary">
          {t('office.pricingDiff.summary', { count: String(items.length), behind: String(items.filter((d) => d.tillBehind).length) })}
          {items.length > 0 && storeId && ` · ${t('office.pricingDiff.net', { amount: money(items[0]!, total) })}`}
        </Typography.Paragraph>
        <Table<PricingDiscrepancy> rowKey="id" size="middle" loading={differences.isLoading} dataSource={items} columns={columns}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }} locale={{ emptyText: t('office.pricingDiff.empty') }} data-testid="pricing-differences-table" />
      </Card>
    </section>
  );
}
