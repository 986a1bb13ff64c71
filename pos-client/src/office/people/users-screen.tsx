import { Button, Input, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { OfficeUser, OfficeUserPage, UserRole } from '@pos/shared';
import { useState } from 'react';
import { useOfficePermissions, useOfficeUser } from '../../features/office-core/office-context';
import { useServerTable } from '../../features/office-core/use-server-table';
import { useHqChange, useRoleChoices, useScopeStores } from '../../features/office-people/people-queries';
import { useI18n } from '../../i18n/i18n-context';
import { HqErrorAlert } from '../hq-error';
import { SecretModal } from './secret-modal';
import { DEFAULTS, UserFormModal, type UserFields } from './user-form-modal';

const tie = (f: UserFields) => ({
  franchiseeId: f.level === 'franchisee' ? (f.franchiseeId ?? null) : null,
  regionId: f.level === 'region_manager' ? (f.regionId ?? null) : null,
  storeId: f.level === 'store_manager' ? (f.storeId ?? null) : null,
});
const toBody = (f: UserFields) => ({
  email: f.email.trim(), name: f.name, level: f.level, ...tie(f), permissionRoleId: f.permissionRoleId === DEFAULTS ? null : f.permissionRoleId, ...(f.password ? { password: f.password } : {}),
});

/** Office users in scope: levels, office roles, password resets, deactivation that ends their sessions. */
export function UsersScreen() {
  const { t, pickName } = useI18n();
  const me = useOfficeUser();
  const canEdit = useOfficePermissions().modules.people === 'edit' && me.role !== 'store_manager';
  const table = useServerTable({ queryKey: ['users'], path: '/users', schema: OfficeUserPage });
  const stores = useScopeStores();
  const roles = useRoleChoices('office');
  const [editing, setEditing] = useState<OfficeUser | 'new' | null>(null);
  const [passwordFor, setPasswordFor] = useState<OfficeUser | null>(null);
  const save = useHqChange<UserFields, OfficeUser>(['users', 'roles'], (f) =>
    editing && editing !== 'new'
      ? { method: 'PUT', path: `/users/${editing.id}`, schema: OfficeUser, body: { ...toBody(f), password: undefined } }
      : { method: 'POST', path: '/users', schema: OfficeUser, body: toBody(f) });
  const resetPassword = useHqChange<string, OfficeUser>(['users'], (password) => ({ method: 'POST', path: `/users/${passwordFor?.id}/password`, schema: OfficeUser, body: { password } }));
  const setActive = useHqChange<OfficeUser, OfficeUser>(['users'], (u) => ({ method: 'POST', path: `/users/${u.id}/${u.active ? 'deactivate' : 'reactivate'}`, schema: OfficeUser }));
  const mayReset = me.role === 'hq_admin' || me.role === 'franchisee';

  const where = (u: OfficeUser) => {
    const store = stores.data?.find((s) => s.id === u.storeId);
    if (store) return `${store.code} · ${pickName(store)}`;
    if (u.franchiseeId) return t('office.users.franchiseeOf', { stores: (stores.data ?? []).filter((s) => s.franchiseeId === u.franchiseeId).map((s) => s.code).join(', ') || '—' });
    return u.level === 'hq_admin' ? t('office.users.hq') : '—';
  };
  const columns: TableColumnsType<OfficeUser> = [
    { title: t('office.people.name'), dataIndex: 'name', key: 'name', sorter: true },
    { title: t('office.users.email'), dataIndex: 'email', key: 'email', sorter: true },
    { title: t('office.users.level'), dataIndex: 'level', key: 'level', sorter: true, filters: UserRole.options.map((l) => ({ text: t(`office.role.${l}`), value: l })), render: (l: UserRole) => t(`office.role.${l}`) },
    { title: t('office.users.where'), key: 'where', render: (_: unknown, u) => where(u) },
    { title: t('office.users.officeRole'), dataIndex: 'permissionRoleId', render: (id: string | null) => (id ? pickName(roles.data?.items.find((r) => r.id === id) ?? { nameZh: '—', nameEn: '—' }) : t('office.people.roleDefaults')) },
    {
      title: t('office.people.status'), dataIndex: 'active', key: 'active', filterMultiple: false,
      filters: [{ text: t('office.people.active'), value: 'true' }, { text: t('office.people.inactive'), value: 'false' }],
      render: (active: boolean, u) => (
        <Space size={4}>
          <Tag className={active ? 'people-tag-ok' : undefined}>{active ? t('office.people.active') : t('office.people.inactive')}</Tag>
          {u.lockedUntil && <Tag className="people-tag-warn">{t('office.people.locked')}</Tag>}
        </Space>
      ),
    },
    ...(canEdit ? [{
      title: t('office.people.actions'), key: 'actions', fixed: 'right' as const,
      render: (_: unknown, u: OfficeUser) => u.id === me.id ? <Tag>{t('office.users.you')}</Tag> : (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => { save.reset(); setEditing(u); }}>{t('office.people.editAction')}</Button>
          {mayReset && <Button type="link" size="small" onClick={() => { resetPassword.reset(); setPasswordFor(u); }}>{t('office.users.resetPassword')}</Button>}
          <Popconfirm title={u.active ? t('office.users.confirmDeactivate') : t('office.people.confirmReactivate')} okText={t('office.people.yes')} cancelText={t('office.people.cancel')} onConfirm={() => setActive.mutate(u)}>
            <Button type="link" size="small" danger={u.active}>{u.active ? t('office.people.deactivate') : t('office.people.reactivate')}</Button>
          </Popconfirm>
        </Space>
      ),
    }] : []),
  ];
  return (
    <section className="office-page">
      <header className="office-page-header">
        <div>
          <h1>{t('office.users.title')}</h1>
          <p>{t('office.users.hint')}</p>
        </div>
        {canEdit && <Button type="primary" onClick={() => { save.reset(); setEditing('new'); }}>{t('office.users.new')}</Button>}
      </header>
      <div className="office-card">
        <Space wrap className="people-toolbar">
          <Input.Search allowClear aria-label={t('office.users.search')} placeholder={t('office.users.search')} value={table.search} onChange={(e) => table.setSearch(e.target.value)} className="people-search" />
        </Space>
        <HqErrorAlert error={table.query.error ?? setActive.error} />
        <Table<OfficeUser> rowKey="id" size="middle" columns={columns} {...table.tableProps} scroll={{ x: 'max-content' }} />
      </div>
      <UserFormModal
        open={editing !== null} user={editing === 'new' ? null : editing} busy={save.isPending} error={save.error}
        onSubmit={(f) => save.mutate(f, { onSuccess: () => setEditing(null) })} onClose={() => setEditing(null)}
      />
      <SecretModal
        open={passwordFor !== null} kind="password" title={t('office.users.resetPasswordOf', { name: passwordFor?.name ?? '' })} busy={resetPassword.isPending} error={resetPassword.error}
        onSubmit={(password) => resetPassword.mutate(password, { onSuccess: () => setPasswordFor(null) })} onClose={() => setPasswordFor(null)}
      />
    </section>
  );
}
