import { Button, Card, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { minor, type ProductCost } from '@pos/shared';
import { useCatalogMutations, useProductCosts } from '../features/office-catalog/catalog-queries';
import { formatMoneyText } from '../features/office-core/format-amount';
import { useOfficeUser } from '../features/office-core/office-context';
import { formatDateTime } from '../i18n/translate';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';

/** The product's cost price (进价): now, the dated history, and a new cost from now or a date; shown only to users HQ shows cost to. */
export function ProductCostsCard({ productId, costNowMinor }: { productId: string; costNowMinor: number | null | undefined }) {
  const { t, locale } = useI18n();
  const user = useOfficeUser();
  const visible = costNowMinor !== undefined;
  const costs = useProductCosts(productId, visible);
  const { addCost } = useCatalogMutations();
  const [form] = Form.useForm<{ amountYuan: number; from?: string }>();
  if (!visible) return null;
  const submit = ({ amountYuan, from }: { amountYuan: number; from?: string }) =>
    addCost.mutate({ id: productId, body: { amountMinor: minor(Math.round(amountYuan * 100)), effectiveFrom: from ? new Date(from).toISOString() : null, supplierId: null } }, { onSuccess: () => form.resetFields() });
  return (
    <Card title={<Typography.Title level={3} style={{ margin: 0, fontSize: 18 }}>{t('office.costs.title')}</Typography.Title>}>
      <Typography.Paragraph>
        {t('office.costs.now')}: <strong>{costs.data?.current ? formatMoneyText(costs.data.current.amountMinor) : t('office.costs.none')}</strong>
      </Typography.Paragraph>
      <HqErrorAlert error={costs.error ?? addCost.error} />
      {user.role === 'hq_admin' && (
        <Form form={form} layout="inline" onFinish={submit} style={{ marginBottom: 12 }}>
          <Form.Item name="amountYuan" label={t('office.costs.amount')} rules={[{ required: true }]}><InputNumber min={0} precision={2} /></Form.Item>
          <Form.Item name="from" label={t('office.costs.from')}><Input type="datetime-local" /></Form.Item>
          <Space><Button htmlType="submit" loading={addCost.isPending}>{t('office.costs.add')}</Button></Space>
        </Form>
      )}
      <Table<ProductCost>
        rowKey="id" size="small" pagination={{ pageSize: 10 }} dataSource={costs.data?.history ?? []} loading={costs.isFetching}
        columns={[
          { title: t('office.costs.amount'), key: 'amount', render: (_, c) => formatMoneyText(c.amountMinor) },
          { title: t('office.costs.effective'), key: 'from', render: (_, c) => formatDateTime(locale, c.effectiveFrom) },
          { title: t('office.costs.enteredAt'), key: 'entered', render: (_, c) => formatDateTime(locale, c.enteredAt) },
        ]}
      />
    </Card>
  );
}
