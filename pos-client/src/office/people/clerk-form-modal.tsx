import { Form, Input, Modal, Select } from 'antd';
import { ClerkRole, type ClerkRecord, type CreateClerkBody } from '@pos/shared';
import { useEffect } from 'react';
import { useOfficeUser } from '../../features/office-core/office-context';
import { useRoleChoices, useScopeStores } from '../../features/office-people/people-queries';
import { useI18n } from '../../i18n/i18n-context';
import { HqErrorAlert, markHqFieldErrors } from '../hq-error';

export type ClerkFields = Omit<CreateClerkBody, 'storeId' | 'badgeCode' | 'commissionGrade' | 'permissionRoleId' | 'pin'> & {
  storeId: string; badgeCode?: string; commissionGrade?: string; permissionRoleId: string; pin?: string;
};

/** The form's value for "every store" and "the clerk role's defaults", since a Select's option needs a value. */
export const ALL = 'all';

interface Props {
  clerk: ClerkRecord | null;
  open: boolean;
  busy: boolean;
  error: unknown;
  onSubmit: (fields: ClerkFields) => void;
  onClose: () => void;
}

/** Creates a clerk (with a first PIN) or edits one: code, name, store, clerk role, badge, grade and till role. */
export function ClerkFormModal({ clerk, open, busy, error, onSubmit, onClose }: Props) {
  const { t, pickName } = useI18n();
  const user = useOfficeUser();
  const [form] = Form.useForm<ClerkFields>();
  const stores = useScopeStores();
  const roles = useRoleChoices('till');
  useEffect(() => {
    if (error) markHqFieldErrors(form, error, t('office.people.fieldRefused'));
  }, [error, form, t]);
  const initial: Partial<ClerkFields> = clerk
    ? { ...clerk, storeId: clerk.storeId ?? ALL, badgeCode: clerk.badgeCode ?? undefined, commissionGrade: clerk.commissionGrade ?? undefined, permissionRoleId: clerk.permissionRoleId ?? ALL }
    : { role: 'cashier', storeId: stores.data?.[0]?.id, permissionRoleId: ALL };
  const storeOptions = [
    ...(user.role === 'hq_admin' ? [{ value: ALL, label: t('office.people.everyStore') }] : []),
    ...(stores.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` })),
  ];
  const roleOptions = [{ value: ALL, label: t('office.people.roleDefaults') }, ...(roles.data?.items ?? []).map((r) => ({ value: r.id, label: pickName(r) }))];
  return (
    <Modal
      open={open} title={clerk ? t('office.clerks.edit') : t('office.clerks.new')} okText={t('office.people.save')} cancelText={t('office.people.cancel')}
      confirmLoading={busy} destroyOnHidden width={560} onOk={() => void form.validateFields().then(onSubmit)} onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={initial} preserve={false} className="people-form">
        <Form.Item name="code" label={t('office.clerks.code')} rules={[{ required: true, pattern: /^\d{3,8}$/, message: t('office.clerks.codeRule') }]}>
          <Input inputMode="numeric" maxLength={8} />
        </Form.Item>
        <Form.Item name="name" label={t('office.people.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="storeId" label={t('office.people.store')} rules={[{ required: true }]}>
          <Select options={storeOptions} loading={stores.isLoading} />
        </Form.Item>
        <Form.Item name="role" label={t('office.clerks.role')} rules={[{ required: true }]}>
          <Select options={ClerkRole.options.map((r) => ({ value: r, label: t(`office.clerks.role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="badgeCode" label={t('office.clerks.badge')} rules={[{ pattern: /^\d{6,18}$/, message: t('office.clerks.badgeRule') }]}>
          <Input inputMode="numeric" maxLength={18} />
        </Form.Item>
        <Form.Item name="commissionGrade" label={t('office.clerks.grade')} normalize={(v: string) => v.toUpperCase()} rules={[{ pattern: /^[A-Z0-9]{1,4}$/, message: t('office.clerks.gradeRule') }]}>
          <Input maxLength={4} />
        </Form.Item>
        <Form.Item name="permissionRoleId" label={t('office.clerks.tillRole')}>
          <Select options={roleOptions} loading={roles.isLoading} />
        </Form.Item>
        {!clerk && (
          <Form.Item name="pin" label={t('office.clerks.firstPin')} rules={[{ required: true, pattern: /^\d{4,8}$/, message: t('office.people.pinRule') }]}>
            <Input.Password autoComplete="new-password" inputMode="numeric" maxLength={8} />
          </Form.Item>
        )}
      </Form>
      <HqErrorAlert error={error} />
    </Modal>
  );
}
