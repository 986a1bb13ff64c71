import { App, Button, Card, Form, Input, InputNumber, Typography } from 'antd';
import type { TillSyncSettings } from '@pos/shared';
import { useEffect } from 'react';
import { useTillSyncSettings } from '../features/office-till-monitor/till-monitor-api';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';

interface Values {
  silentAfterMinutes: number;
  minAppVersion: string;
}

/** HQ's chain settings for the tills' sync: when a till counts as silent, and the oldest version HQ still takes. */
export function TillSyncSettingsCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { settings, save } = useTillSyncSettings(true);
  useEffect(() => {
    if (settings.data) form.setFieldsValue({ silentAfterMinutes: settings.data.silentAfterMinutes, minAppVersion: settings.data.minAppVersion ?? '' });
  }, [settings.data, form]);
  const submit = ({ silentAfterMinutes, minAppVersion }: Values) => {
    const body: TillSyncSettings = { silentAfterMinutes, minAppVersion: minAppVersion.trim() || null };
    save.mutate(body, { onSuccess: () => void message.success(t('office.tillMonitor.settingsSaved')) });
  };
  return (
    <Card data-testid="till-sync-settings" title={<Typography.Title level={2}>{t('office.tillMonitor.settings')}</Typography.Title>}>
      <HqErrorAlert error={settings.error ?? save.error} className="office-alert" />
      <Form<Values> form={form} layout="inline" requiredMark={false} disabled={settings.isPending || save.isPending} onFinish={submit}>
        <Form.Item name="silentAfterMinutes" label={t('office.tillMonitor.silentAfter')} rules={[{ required: true }]}>
          <InputNumber min={5} max={10_080} precision={0} suffix={t('office.tillMonitor.minutes')} />
        </Form.Item>
        <Form.Item name="minAppVersion" label={t('office.tillMonitor.minVersion')} rules={[{ pattern: /^(\d{1,4}\.\d{1,4}\.\d{1,4})?$/, message: t('office.tillMonitor.versionFormat') }]}>
          <Input placeholder="1.0.0" className="office-version-input" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{t('office.tillMonitor.save')}</Button>
      </Form>
      <Typography.Paragraph type="secondary" className="office-card-hint">{t('office.tillMonitor.settingsHint')}</Typography.Paragraph>
    </Card>
  );
}
