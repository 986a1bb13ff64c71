import { App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { periodsToCompare, type ClerkRecord } from '@pos/shared';
import { readAdjustment, subjectKey, subjectOfKey, type CommissionPool } from '../features/office-commission/targets-draft';
import { useCommissionAdjustment } from '../features/office-commission/use-commission-targets';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert, markHqFieldErrors } from './hq-error';

interface AdjustmentForm {
  originPeriod: string;
  /** `clerk:<id>` or `pool:<id>`. */
  subject: string;
  amount: string;
  reason: string;
}

/** HQ's field paths in the adjustment's body, as the form names them. */
const formField: Record<string, keyof AdjustmentForm> = { originPeriod: 'originPeriod', beneficiary: 'subject', amountMinor: 'amount', reason: 'reason' };

/**
 * A change by hand (调整) to what a clerk or pool got in a closed period, recorded into the open
 * period chosen with its reason; it counts from the next time that period is worked out.
 */
export function CommissionAdjustmentCard({ storeId, period, clerks, pools }: { storeId: string; period: string; clerks: ClerkRecord[]; pools: CommissionPool[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AdjustmentForm>();
  const adjust = useCommissionAdjustment();
  const submit = (values: AdjustmentForm) => {
    const amountMinor = readAdjustment(values.amount);
    if (amountMinor === null) return;
    adjust.mutate(
      { period, originPeriod: values.originPeriod, storeId, beneficiary: subjectOfKey(values.subject), amountMinor, reason: values.reason.trim() },
      {
        onSuccess: () => {
          form.resetFields(['amount', 'reason']);
          void message.success(t('office.commissionTargets.adjusted', { period }));
        },
        onError: (error) => markHqFieldErrors(form, error, t('office.error.fieldRefused'), (path) => {
          const name = formField[String(path[0])];
          return name ? [name] : null;
        }),
      },
    );
  };
  const options = [
    { label: t('office.commissionTargets.kind.clerk'), options: clerks.map((c) => ({ value: subjectKey({ kind: 'clerk', id: c.id }), label: `${c.code} · ${c.name}` })) },
    { label: t('office.commissionTargets.kind.pool'), options: pools.map((p) => ({ value: subjectKey({ kind: 'pool', id: p.id }), label: p.name })) },
  ];
  return (
    <Card style={{ marginTop: 16 }} title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('office.commissionTargets.adjustment')}</Typography.Title>}>
      <Typography.Paragraph type="secondary">{t('office.commissionTargets.adjustmentHint', { period })}</Typography.Paragraph>
      <HqErrorAlert error={adjust.error} />
      <Form<AdjustmentForm> form={form} layout="vertical" initialValues={{ originPeriod: periodsToCompare(period).previous, amount: '', reason: '' }} onFinish={submit} data-testid="commission-adjustment">
        <Space wrap align="start">
          <Form.Item name="originPeriod" label={t('office.commissionTargets.origin')} htmlFor="adjustment-origin" required
            rules={[{ validator: (_, value: string) => (value && value < period ? Promise.resolve() : Promise.reject(new Error(t('office.commissionTargets.originBefore', { period })))) }]}>
            <Input id="adjustment-origin" type="month" style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="subject" label={t('office.commissionTargets.subject')} htmlFor="adjustment-subject" rules={[{ required: true, message: t('office.commissionTargets.chooseSubject') }]}>
            <Select id="adjustment-subject" style={{ width: 260 }} showSearch optionFilterProp="label" options={options} />
          </Form.Item>
          <Form.Item name="amount" label={t('office.commissionTargets.amount')} htmlFor="adjustment-amount" required
            rules={[{ validator: (_, value: string) => (readAdjustment(value ?? '') === null ? Promise.reject(new Error(t('office.commissionTargets.amountRule'))) : Promise.resolve()) }]}>
            <Input id="adjustment-amount" prefix="¥" inputMode="decimal" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="reason" label={t('office.commissionTargets.reason')} htmlFor="adjustment-reason" required
            rules={[{ validator: (_, value: string) => ((value ?? '').trim().length >= 2 ? Promise.resolve() : Promise.reject(new Error(t('office.commissionTargets.reasonRule')))) }]}>
            <Input id="adjustment-reason" maxLength={200} style={{ width: 320 }} />
          </Form.Item>
        </Space>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" loading={adjust.isPending} data-testid="commission-adjustment-save">{t('office.commissionTargets.adjust')}</Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
