import { Alert, Button, Form, InputNumber, Select, Typography } from 'antd';
import type { StorePricingPolicy, StorePricingSettings } from '@pos/shared';
import { useSaveStorePricingSettings } from '../features/office-store-prices/use-store-prices';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en';
import { HqErrorAlert } from './hq-error';

export const policyLabel: Record<StorePricingPolicy, MessageKey> = {
  hq_only: 'office.storePrices.policy.hq_only',
  franchisee: 'office.storePrices.policy.franchisee',
  franchisee_and_store_manager: 'office.storePrices.policy.franchisee_and_store_manager',
};

interface Fields {
  storePricingPolicy: StorePricingPolicy;
  percent: number;
}

/** HQ's form for who may price stores and the default band, in percent (kept in basis points). */
export function StorePricingPolicyCard({ settings }: { settings: StorePricingSettings }) {
  const { t } = useI18n();
  const save = useSaveStorePricingSettings();
  return (
    <section className="office-card" aria-labelledby="store-pricing-policy">
      <Typography.Title level={2} id="store-pricing-policy" className="office-card-title">{t('office.storePrices.policyTitle')}</Typography.Title>
      <Form<Fields>
        layout="inline"
        initialValues={{ storePricingPolicy: settings.storePricingPolicy, percent: settings.storePriceBandBp / 100 }}
        onFinish={({ storePricingPolicy, percent }) => save.mutate({ storePricingPolicy, storePriceBandBp: Math.round(percent * 100) })}
      >
        <Form.Item name="storePricingPolicy" label={t('office.storePrices.policy')}>
          <Select style={{ width: 300 }} options={Object.entries(policyLabel).map(([value, label]) => ({ value, label: t(label) }))} />
        </Form.Item>
        <Form.Item name="percent" label={t('office.storePrices.defaultBand')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} step={0.5} suffix="%" style={{ width: 120 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{t('office.storePrices.save')}</Button>
      </Form>
      {save.isSuccess && <Alert type="success" showIcon className="office-card-note" title={t('office.storePrices.policySaved')} />}
      <HqErrorAlert error={save.error} className="office-card-note" />
    </section>
  );
}
