import { App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { minor, type MemberDetail } from '@pos/shared';
import { formatMoneyText } from '../features/office-core/format-amount';
import { useMembershipSettings } from '../features/office-members/use-membership-settings';
import { useAdjustmentActions } from '../features/office-members/use-member-ledgers';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert, markHqFieldErrors } from './hq-error';

type AdjustmentForm = { amount: number; reason: string };

/** HQ asks for a correction of a member's balance (调账): signed, with a reason; above the chain's threshold a second HQ user approves it. */
export function AdjustmentRequestModal({ open, member, onClose }: { open: boolean; member: MemberDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AdjustmentForm>();
  const { request } = useAdjustmentActions();
  const threshold = useMembershipSettings(open).load.data?.adjustmentApprovalAboveMinor;
  const submit = async ({ amount, reason }: AdjustmentForm) => {
    try {
      const made = await request.mutateAsync({ memberId: member.id, amountMinor: minor(Math.round(amount * 100)), reason });
      void message.success(t(made.status === 'pending' ? 'office.adjustments.waiting' : 'office.adjustments.posted'));
      form.resetFields();
      onClose();
    } catch (error) {
      markHqFieldErrors(form, error, t('office.error.fieldRefused'), (path) => (path[0] === 'amountMinor' ? ['amount'] : path[0] === 'reason' ? ['reason'] : null));
    }
  };
  return (
    <Modal open={open} title={t('office.adjustments.requestTitle', { name: member.name })} onCancel={onClose} onOk={() => form.submit()}
      okText={t('office.adjustments.send')} cancelText={t('common.cancel')} confirmLoading={request.isPending} destroyOnHidden>
      <HqErrorAlert error={request.error} />
      <Typography.Paragraph type="secondary">
        {t('office.adjustments.requestHint', { balance: formatMoneyText(member.account.balanceMinor) })}
        {threshold !== undefined && ` ${t('office.adjustments.thresholdHint', { threshold: formatMoneyText(threshold) })}`}
      </Typography.Paragraph>
      <Form<AdjustmentForm> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="amount" label={t('office.adjustments.amount')} htmlFor="adjustment-amount" extra={t('office.adjustments.amountHint')}
          rules={[{ required: true, message: t('office.adjustments.amountRequired') }, { validator: (_, v: number | null) => (v === 0 ? Promise.reject(new Error(t('office.adjustments.amountRequired'))) : Promise.resolve()) }]}>
          <InputNumber id="adjustment-amount" min={-1_000_000} max={1_000_000} precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="reason" label={t('office.adjustments.reason')} htmlFor="adjustment-reason" rules={[{ required: true, whitespace: true, max: 200, message: t('office.adjustments.reasonRequired') }]}>
          <Input.TextArea id="adjustment-reason" rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
