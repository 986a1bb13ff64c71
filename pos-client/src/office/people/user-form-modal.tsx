import { Form, Input, Modal, Select } from 'antd';
import type { NewUserLevel, OfficeUser } from '@pos/shared';
import { useEffect } from 'react';
import { useOfficeUser } from '../../features/office-core/office-context';
import { useRegions } from '../../features/office-org/org-queries';
import { useRoleChoices, useScopeStores } from '../../features/office-people/people-queries';
import { useI18n } from '../../i18n/i18n-context';
import { HqErrorAlert, markHqFieldErrors } from '../hq-error';

export interface UserFields {
  email: string;
  name: string;
  level: NewUserLevel;
  franchiseeId?: string;
  regionId?: string;
  storeId?: string;
  permissionRoleId: string;
  password?: string;
}

export const DEFAULTS = 'defaults';

/** The levels a caller may give: HQ any; a franchisee their own level and store managers; a region manager store managers. */
const levelsFor: Record<string, NewUserLevel[]> = {
  hq_admin: ['hq_admin', 'region_manager', 'franchisee', 'store_manager'],
  franchisee: ['franchisee', 'store_manager'],
  region_manager: ['store_manager'],
};

interface Props {
  user: OfficeUser | null;
  open: boolean;
  busy: boolean;
  error: unknown;
  onSubmit: (fields: UserFields) => void;
  onClose: () => void;
}

/** Creates an office user (with a first password) or edits one: e-mail, name, level and what it is tied to, office role. */
export function UserFormModal({ user, open, busy, error, onSubmit, onClose }: Props) {
  const { t, pickName } = useI18n();
  const me = useOfficeUser();
  const [form] = Form.useForm<UserFields>();
  const level = Form.useWatch('level', form);
  const stores = useScopeStores();
  const regions = useRegions(level === 'region_manager');
  const roles = useRoleChoices('office');
  useEffect(() => {
    if (error) markHqFieldErrors(form, error, t('office.people.fieldRefused'));
  }, [error, form, t]);
  const levels = levelsFor[me.role] ?? [];
  const initial: Partial<UserFields> = user
    ? { ...user, level: user.level === 'cashier' ? 'store_manager' : user.level, franchiseeId: user.franchiseeId ?? undefined, regionId: user.regionId ?? undefined, storeId: user.storeId ?? undefined, permissionRoleId: user.permissionRoleId ?? DEFAULTS }
    : { level: levels.at(-1), permissionRoleId: DEFAULTS };
  const franchisees = [...new Set((stores.data ?? []).flatMap((s) => (s.franchiseeId ? [s.franchiseeId] : [])))].map((id) => ({
    value: id, label: t('office.users.franchiseeOf', { stores: (stores.data ?? []).filter((s) => s.franchiseeId === id).map((s) => s.code).join(', ') }),
  }));
  return (
    <Modal
      open={open} title={user ? t('office.users.edit') : t('office.users.new')} okText={t('office.people.save')} cancelText={t('office.people.cancel')}
      confirmLoading={busy} destroyOnHidden width={560} onOk={() => void form.validateFields().then(onSubmit)} onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={initial} preserve={false}>
        <Form.Item name="email" label={t('office.users.email')} rules={[{ required: true, type: 'email', max: 200 }]}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('office.people.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="level" label={t('office.users.level')} rules={[{ required: true }]}>
          <Select options={levels.map((l) => ({ value: l, label: t(`office.role.${l}`) }))} />
        </Form.Item>
        {level === 'franchisee' && (
          <Form.Item name="franchiseeId" label={t('office.users.franchisee')} rules={[{ required: true }]}>
            <Select options={franchisees} loading={stores.isLoading} />
          </Form.Item>
        )}
        {level === 'region_manager' && (
          <Form.Item name="regionId" label={t('office.users.region')} extra={t('office.users.regionHint')} rules={[{ required: true, message: t('office.users.regionHint') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              data-testid="user-region"
              loading={regions.isLoading}
              options={(regions.data ?? []).filter((r) => r.active || r.id === initial?.regionId).map((r) => ({ value: r.id, label: `${r.code} · ${pickName(r)}` }))}
            />
          </Form.Item>
        )}
        {level === 'store_manager' && (
          <Form.Item name="storeId" label={t('office.people.store')} rules={[{ required: true }]}>
            <Select options={(stores.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` }))} loading={stores.isLoading} />
          </Form.Item>
        )}
        <Form.Item name="permissionRoleId" label={t('office.users.officeRole')}>
          <Select options={[{ value: DEFAULTS, label: t('office.people.roleDefaults') }, ...(roles.data?.items ?? []).map((r) => ({ value: r.id, label: pickName(r) }))]} loading={roles.isLoading} />
        </Form.Item>
        {!user && (
          <Form.Item name="password" label={t('office.users.firstPassword')} rules={[{ required: true, pattern: /^(?=.*\p{L})(?=.*\d).{8,200}$/u, message: t('office.people.passwordRule') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
      <HqErrorAlert error={error} />
    </Modal>
  );
}
