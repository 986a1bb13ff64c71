import { Tag, type TableColumnsType } from 'antd';
import { OfficeUser, OfficeUserPage, UserRole } from '@pos/shared';
import { useState } from 'react';
import { useOfficePermissions, useOfficeUser } from '../../features/office-core/office-context';
import { useServerTable } from '../../features/office-core/use-server-table';
import { useHqChange, useRoleChoices, useScopeStores } from '../../features/office-people/people-queries';
import { useI18n } from '../../i18n/i18n-context';
import { actionsColumn, PeopleTablePage, statusColumn } from './people-table';
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
    statusColumn<OfficeUser>(t),
    ...(canEdit ? [actionsColumn<OfficeUser>(t, {
      onEdit: (u) => { save.reset(); setEditing(u); },
      secret: mayReset ? { label: t('office.users.resetPassword'), onClick: (u) => { resetPassword.reset(); setPasswordFor(u); } } : null,
      confirmDeactivate: t('office.users.confirmDeactivate'),
      onToggleActive: (u) => setActive.mutate(u),
      instead: (u) => (u.id === me.id ? <Tag>{t('office.users.you')}</Tag> : null),
    })] : []),
  ];
  return (
    <PeopleTablePage<OfficeUser>
      title={t('office.users.title')} hint={t('office.users.hint')} newLabel={canEdit ? t('office.users.new') : null} onNew={() => { save.reset(); setEditing('new'); }}
      searchLabel={t('office.users.search')} search={table.search} onSearch={table.setSearch}
      error={table.query.error ?? setActive.error} columns={columns} tableProps={table.tableProps}
    >
      <UserFormModal
        open={editing !== null} user={editing === 'new' ? null : editing} busy={save.isPending} error={save.error}
        onSubmit={(f) => save.mutate(f, { onSuccess: () => setEditing(null) })} onClose={() => setEditing(null)}
      />
      <SecretModal
        open={passwordFor !== null} kind="password" title={t('office.users.resetPasswordOf', { name: passwordFor?.name ?? '' })} busy={resetPassword.isPending} error={resetPassword.error}
        onSubmit={(password) => resetPassword.mutate(password, { onSuccess: () => setPasswordFor(null) })} onClose={() => setPasswordFor(null)}
      />
    </PeopleTablePage>
  );
}
