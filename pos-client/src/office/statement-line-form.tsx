import { Button, Card, Form, Input, InputNumber, Select } from 'antd';
import { minor, type StatementLineBody } from '@pos/shared';
import { yuanToFen } from '../features/office-org/org-queries';
import { useI18n } from '../i18n/i18n-context';

interface Values {
  kind: StatementLineBody['kind'];
  amount: number;
  reason: string;
}

/** HQ adds a fee (charged to the franchisee) or an adjustment either way to a draft, with the reason the franchisee will read. */
export function StatementLineForm({ busy, onAdd }: { busy: boolean; onAdd: (line: StatementLineBody) => Promise<unknown> }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const submit = async ({ kind: lineKind, amount, reason }: Values) => {
    await onAdd({ kind: lineKind, amountMinor: minor(yuanToFen(amount)), reason: reason.trim() });
    form.resetFields(['amount', 'reason']);
  };
  return (
    <Card size="small" title={t('office.settlement.addLine')}>
      <Form<Values> form={form} layout="inline" className="office-filters" initialValues={{ kind: 'fee' }} onFinish={(values) => void submit(values).catch(() => undefined)}>
        <Form.Item name="kind" label={t('office.settlement.kind')} htmlFor="statement-line-kind">
          <Select id="statement-line-kind" style={{ width: 210 }} options={[
            { value: 'fee', label: t('office.settlement.kind.fee') }, { value: 'adjustment', label: t('office.settlement.kind.adjustment') },
          ]} />
        </Form.Item>
        <Form.Item name="amount" label={t('office.settlement.amount')} htmlFor="statement-line-amount" tooltip={kind === 'adjustment' ? t('office.settlement.amountHint') : undefined}
          rules={[
            { required: true, message: t('office.settlement.amountInvalid') },
            { validator: async (_, v: number | null) => { if (v === 0) throw new Error(t('office.settlement.amountInvalid')); } },
            { validator: async (_, v: number | null) => { if (kind === 'fee' && v !== null && v < 0) throw new Error(t('office.settlement.feePositive')); } },
          ]}>
          <InputNumber id="statement-line-amount" precision={2} step={10} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="reason" label={t('office.settlement.reason')} htmlFor="statement-line-reason" rules={[{ required: true, whitespace: true, message: t('office.settlement.reasonRequired') }]}>
          <Input id="statement-line-reason" maxLength={200} style={{ width: 280 }} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={busy} data-testid="statement-line-add">{t('office.settlement.add')}</Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
