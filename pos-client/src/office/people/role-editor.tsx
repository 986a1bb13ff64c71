import { defaultOfficePermissions, defaultTillPermissions, PermissionRole, type OfficePermissions, type PermissionRoleBody, type PermissionRoleKind, type TillPermissions } from '@pos/shared';
import { Form, Input, Modal, Radio, Switch } from 'antd';
import { useEffect } from 'react';
import { useHqChange } from '../../features/office-people/people-queries';
import { useI18n } from '../../i18n/i18n-context';
import { HqErrorAlert, markHqFieldErrors } from '../hq-error';
import { OfficeRoleFields } from './office-role-fields';
import { TillRoleFields } from './till-role-fields';

interface RoleForm {
  kind: PermissionRoleKind;
  code: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
  permissions: Partial<OfficePermissions & TillPermissions>;
  categoryScope?: 'all' | 'list';
  categoryIds?: string[];
  linePercent?: number;
  ticketPercent?: number;
}

/** A role as the form edits it: categories as a choice and a list, discount limits in percent. */
function toForm(role: PermissionRole | null, kind: PermissionRoleKind): RoleForm {
  const head = role ? { kind: role.kind, code: role.code, nameZh: role.nameZh, nameEn: role.nameEn, active: role.active } : { kind, code: '', nameZh: '', nameEn: '', active: true };
  const office = role?.kind === 'office' ? role.permissions : defaultOfficePermissions('franchisee');
  const till = role?.kind === 'till' ? role.permissions : defaultTillPermissions('cashier');
  return {
    ...head, permissions: { ...office, ...till },
    categoryScope: office.categories === 'all' ? 'all' : 'list', categoryIds: office.categories === 'all' ? [] : office.categories,
    linePercent: till.lineDiscountLimitBp / 100, ticketPercent: till.ticketDiscountLimitBp / 100,
  };
}

function toBody(f: RoleForm): PermissionRoleBody {
  const head = { code: f.code.trim(), nameZh: f.nameZh, nameEn: f.nameEn, active: f.active };
  const p = f.permissions;
  if (f.kind === 'till') {
    const permissions = { keys: p.keys!, lineDiscountLimitBp: Math.round((f.linePercent ?? 0) * 100), ticketDiscountLimitBp: Math.round((f.ticketPercent ?? 0) * 100) };
    return { kind: 'till', ...head, permissions };
  }
  const reports = Object.fromEntries(Object.entries(p.reports!).map(([k, r]) => [k, { ...r, perDay: r.perDay ?? null }])) as OfficePermissions['reports'];
  const categories = f.categoryScope === 'list' ? (f.categoryIds ?? []) : 'all';
  return { kind: 'office', ...head, permissions: { modules: p.modules!, categories, seeCost: p.seeCost ?? false, reports } };
}

interface Props {
  role: PermissionRole | null;
  kind: PermissionRoleKind;
  open: boolean;
  onClose: () => void;
}

/** Creates or edits an office or till role; HQ refuses what the shared schema refuses, by field. */
export function RoleEditor({ role, kind, open, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<RoleForm>();
  const chosenKind = Form.useWatch('kind', form) ?? kind;
  const save = useHqChange<PermissionRoleBody, PermissionRole>(['roles', 'clerks', 'users'], (body) =>
    role ? { method: 'PUT', path: `/roles/${role.id}`, schema: PermissionRole, body } : { method: 'POST', path: '/roles', schema: PermissionRole, body });
  useEffect(() => {
    if (save.error) markHqFieldErrors(form, save.error, t('office.people.fieldRefused'), (path) => (['code', 'nameZh', 'nameEn', 'active'].includes(String(path[0])) ? path.slice(0, 1) : null));
  }, [save.error, form, t]);
  return (
    <Modal
      open={open} title={role ? t('office.roles.edit') : t('office.roles.new')} okText={t('office.people.save')} cancelText={t('office.people.cancel')}
      confirmLoading={save.isPending} destroyOnHidden width={760} afterOpenChange={(visible) => visible && save.reset()}
      onOk={() => void form.validateFields().then((f) => save.mutate(toBody({ ...form.getFieldsValue(true), ...f }), { onSuccess: onClose }))} onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={toForm(role, kind)} preserve={false}>
        <Form.Item name="kind" label={t('office.roles.kind')}>
          <Radio.Group disabled={role !== null} options={[{ value: 'office', label: t('office.roles.kind.office') }, { value: 'till', label: t('office.roles.kind.till') }]} />
        </Form.Item>
        <div className="people-grid">
          <Form.Item name="code" label={t('office.roles.code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,32}$/, message: t('office.roles.codeRule') }]} className="people-grid-item">
            <Input maxLength={32} />
          </Form.Item>
          <Form.Item name="nameZh" label={t('office.roles.nameZh')} rules={[{ required: true, whitespace: true, max: 40 }]} className="people-grid-item">
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('office.roles.nameEn')} rules={[{ required: true, whitespace: true, max: 60 }]} className="people-grid-item">
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="active" label={t('office.people.active')} valuePropName="checked" className="people-grid-item">
            <Switch />
          </Form.Item>
        </div>
        {chosenKind === 'office' ? <OfficeRoleFields /> : <TillRoleFields />}
      </Form>
      <HqErrorAlert error={save.error} />
    </Modal>
  );
}
