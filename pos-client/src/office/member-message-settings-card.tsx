import { App, Button, Card, Checkbox, Form, Input, InputNumber, Typography } from 'antd';
import { AutomaticMessageKind, minor, type MemberMessageSettings } from '@pos/shared';
import { useEffect } from 'react';
import { useMemberMessageSettings } from '../features/office-member-messages/member-messages-api';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';

type Values = Omit<MemberMessageSettings, 'lowBalanceBelowMinor'> & { lowBalanceBelow: number };

/** Which messages the chain sends to members who consented, under which signature, and when. */
export function MemberMessageSettingsCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { settings, save } = useMemberMessageSettings();
  useEffect(() => {
    if (settings.data) form.setFieldsValue({ ...settings.data, lowBalanceBelow: settings.data.lowBalanceBelowMinor / 100 });
  }, [settings.data, form]);
  const submit = ({ lowBalanceBelow, ...values }: Values) => {
    save.mutate({ ...values, lowBalanceBelowMinor: minor(Math.round(lowBalanceBelow * 100)) }, { onSuccess: () => void message.success(t('office.memberMessages.saved')) });
  };
  return (
    <Card data-testid="member-message-settings" title={<Typography.Title level={2}>{t('office.memberMessages.settings')}</Typography.Title>}>
      <HqErrorAlert error={settings.error ?? save.error} className="office-alert" />
      <Form<Values> form={form} layout="vertical" requiredMark={false} disabled={settings.isPending || save.isPending} onFinish={submit}>
        <Form.Item name="enabledKinds" label={t('office.memberMessages.enabledKinds')}>
          <Checkbox.Group options={AutomaticMessageKind.options.map((kind) => ({ value: kind, label: t(`office.memberMessages.kind.${kind}`) }))} />
        </Form.Item>
        <div className="office-form-row">
          <Form.Item name="signature" label={t('office.memberMessages.signature')} rules={[{ required: true, min: 2, max: 16 }]}>
            <Input maxLength={16} />
          </Form.Item>
          <Form.Item name="lowBalanceBelow" label={t('office.memberMessages.lowBalanceBelow')} rules={[{ required: true }]}>
            <InputNumber min={0} max={1_000_000} precision={2} prefix="¥" className="office-number-wide" />
          </Form.Item>
          <Form.Item name="careAfterMonths" label={t('office.memberMessages.careAfterMonths')} rules={[{ required: true }]}>
            <InputNumber min={1} max={36} precision={0} suffix={t('office.memberMessages.months')} className="office-number-wide" />
          </Form.Item>
          <Form.Item name="pointsExpiryNoticeDays" label={t('office.memberMessages.pointsExpiryNoticeDays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={180} precision={0} suffix={t('office.memberMessages.days')} className="office-number-wide" />
          </Form.Item>
        </div>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{t('office.memberMessages.save')}</Button>
      </Form>
      <Typography.Paragraph type="secondary" className="office-card-hint">{t('office.memberMessages.settingsHint')}</Typography.Paragraph>
    </Card>
  );
}
