import { Alert, App, Button, Card, Form, InputNumber, Radio, Spin, Switch } from 'antd';
import type { MembershipSettings } from '@pos/shared';
import { useMembershipSettings } from '../features/office-members/use-membership-settings';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert, markHqFieldErrors } from './hq-error';
import { OfficePage } from './office-page';

/** The form holds amounts in yuan; HQ keeps them in fen. */
type SettingsForm = Omit<MembershipSettings, 'adjustmentApprovalAboveMinor' | 'offlineCardAllowanceMinor' | 'offlineTillAllowanceMinor'> & {
  adjustmentApprovalAbove: number; offlineCardAllowance: number; offlineTillAllowance: number;
};
const yuanFields = { adjustmentApprovalAboveMinor: 'adjustmentApprovalAbove', offlineCardAllowanceMinor: 'offlineCardAllowance', offlineTillAllowanceMinor: 'offlineTillAllowance' } as const;

const toForm = (s: MembershipSettings): SettingsForm => ({
  bonusSpentFirst: s.bonusSpentFirst, pinMaxTries: s.pinMaxTries, pinLockMinutes: s.pinLockMinutes, cancelForfeitsBalance: s.cancelForfeitsBalance,
  adjustmentApprovalAbove: s.adjustmentApprovalAboveMinor / 100, offlineCardAllowance: s.offlineCardAllowanceMinor / 100, offlineTillAllowance: s.offlineTillAllowanceMinor / 100,
});
const toSettings = (f: SettingsForm): MembershipSettings => ({
  bonusSpentFirst: f.bonusSpentFirst, pinMaxTries: f.pinMaxTries, pinLockMinutes: f.pinLockMinutes, cancelForfeitsBalance: f.cancelForfeitsBalance,
  adjustmentApprovalAboveMinor: Math.round(f.adjustmentApprovalAbove * 100) as MembershipSettings['adjustmentApprovalAboveMinor'],
  offlineCardAllowanceMinor: Math.round(f.offlineCardAllowance * 100) as MembershipSettings['offlineCardAllowanceMinor'],
  offlineTillAllowanceMinor: Math.round(f.offlineTillAllowance * 100) as MembershipSettings['offlineTillAllowanceMinor'],
});
/** HQ names a refused field by the body's key; the form's yuan fields have their own names. */
const formName = (path: (string | number)[]) => {
  const key = path[0];
  if (typeof key !== 'string') return null;
  return [key in yuanFields ? yuanFields[key as keyof typeof yuanFields] : key];
};

/** The chain's membership settings (会员设置): stored value's bonus order, card PINs, adjustments' approval, offline allowances and cancellation. HQ only. */
export function MembershipSettingsScreen() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { load, save } = useMembershipSettings();
  const [form] = Form.useForm<SettingsForm>();
  const submit = async (values: SettingsForm) => {
    try {
      const saved = await save.mutateAsync(toSettings(values));
      form.setFieldsValue(toForm(saved));
      void message.success(t('office.membershipSettings.saved'));
    } catch (error) {
      markHqFieldErrors(form, error, t('office.error.fieldRefused'), formName);
    }
  };
  const money = (name: keyof typeof yuanFields, id: string) => (
    <Form.Item name={yuanFields[name]} label={t(`office.membershipSettings.${yuanFields[name]}`)} htmlFor={id} extra={t(`office.membershipSettings.${yuanFields[name]}Hint`)} rules={[{ required: true }]}>
      <InputNumber id={id} min={0} max={1_000_000} precision={2} prefix="¥" style={{ width: 200 }} />
    </Form.Item>
  );
  return (
    <OfficePage title={t('office.membershipSettings.title')} hint={t('office.membershipSettings.hint')}>
      <HqErrorAlert error={load.error} />
      {load.isPending && <Spin className="office-loading" aria-label={t('office.loading')} />}
      {load.data && (
        <Card data-testid="membership-settings">
          <HqErrorAlert error={save.error} />
          {save.isSuccess && <Alert type="success" showIcon role="status" title={t('office.membershipSettings.saved')} style={{ marginBottom: 12 }} />}
          <Form<SettingsForm> form={form} layout="vertical" style={{ maxWidth: 640 }} initialValues={toForm(load.data)} onFinish={(v) => void submit(v)}>
            <Form.Item name="bonusSpentFirst" label={t('office.membershipSettings.bonusSpentFirst')} extra={t('office.membershipSettings.bonusSpentFirstHint')}>
              <Radio.Group aria-label={t('office.membershipSettings.bonusSpentFirst')} options={[
                { value: false, label: t('office.membershipSettings.bonusLast') },
                { value: true, label: t('office.membershipSettings.bonusFirst') },
              ]} />
            </Form.Item>
            <Form.Item name="pinMaxTries" label={t('office.membershipSettings.pinMaxTries')} htmlFor="ms-pin-tries" extra={t('office.membershipSettings.pinMaxTriesHint')} rules={[{ required: true }]}>
              <InputNumber id="ms-pin-tries" min={1} max={20} precision={0} />
            </Form.Item>
            <Form.Item name="pinLockMinutes" label={t('office.membershipSettings.pinLockMinutes')} htmlFor="ms-pin-lock" extra={t('office.membershipSettings.pinLockMinutesHint')} rules={[{ required: true }]}>
              <InputNumber id="ms-pin-lock" min={1} max={10_080} precision={0} />
            </Form.Item>
            {money('adjustmentApprovalAboveMinor', 'ms-approval')}
            {money('offlineCardAllowanceMinor', 'ms-offline-card')}
            {money('offlineTillAllowanceMinor', 'ms-offline-till')}
            <Form.Item name="cancelForfeitsBalance" label={t('office.membershipSettings.cancelForfeitsBalance')} htmlFor="ms-forfeit" valuePropName="checked" extra={t('office.membershipSettings.cancelForfeitsBalanceHint')}>
              <Switch id="ms-forfeit" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="membership-settings-save">{t('office.membershipSettings.save')}</Button>
          </Form>
        </Card>
      )}
    </OfficePage>
  );
}
