import { Form, Input, Modal } from 'antd';
import { HqErrorAlert } from '../hq-error';
import { useI18n } from '../../i18n/i18n-context';

interface Props {
  open: boolean;
  title: string;
  /** `pin`: 4 to 8 digits; `password`: 8 or more characters with a letter and a digit. */
  kind: 'pin' | 'password';
  busy: boolean;
  error: unknown;
  onSubmit: (secret: string) => void;
  onClose: () => void;
}

/** Asks for a new PIN or password, checked as HQ checks it, for a manager resetting someone's. */
export function SecretModal({ open, title, kind, busy, error, onSubmit, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ secret: string }>();
  const rule = kind === 'pin'
    ? { pattern: /^\d{4,8}$/, message: t('office.people.pinRule') }
    : { pattern: /^(?=.*\p{L})(?=.*\d).{8,200}$/u, message: t('office.people.passwordRule') };
  return (
    <Modal
      open={open} title={title} okText={t('office.people.save')} cancelText={t('office.people.cancel')} confirmLoading={busy} destroyOnHidden
      onOk={() => void form.validateFields().then((v) => onSubmit(v.secret))} onCancel={onClose}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="secret" label={kind === 'pin' ? t('office.people.newPin') : t('office.people.newPassword')} rules={[{ required: true, message: rule.message }, rule]}>
          <Input.Password autoComplete="new-password" inputMode={kind === 'pin' ? 'numeric' : undefined} />
        </Form.Item>
      </Form>
      <HqErrorAlert error={error} />
    </Modal>
  );
}
