import { Select, type TableColumnsType } from 'antd';
import { ClerkPage, ClerkRecord, ClerkRole, type CreateClerkBody } from '@pos/shared';
import { useState } from 'react';
import { useOfficePermissions } from '../../features/office-core/office-context';
import { useServerTable } from '../../features/office-core/use-server-table';
import { useHqChange, useRoleChoices, useScopeStores } from '../../features/office-people/people-queries';
import { useI18n } from '../../i18n/i18n-context';
import { ALL, ClerkFormModal, type ClerkFields } from './clerk-form-modal';
import { actionsColumn, PeopleTablePage, statusColumn } from './people-table';
import { SecretModal } from './secret-modal';

const toBody = (f: ClerkFields): Omit<CreateClerkBody, 'pin'> & { pin?: string } => ({
  code: f.code, name: f.name, role: f.role, storeId: f.storeId === ALL ? null : f.storeId, badgeCode: f.badgeCode || null,
  commissionGrade: f.commissionGrade || null, permissionRoleId: f.permissionRoleId === ALL ? null : f.permissionRoleId, ...(f.pin ? { pin: f.pin } : {}),
});

/** Clerks (cashiers, store managers, sales clerks) of the stores in scope: badges, grades, till roles, PIN resets, deactivation. */
export function ClerksScreen() {
  const { t, pickName } = useI18n();
  const canEdit = useOfficePermissions().modules.people === 'edit';
  const [storeId, setStoreId] = useState<string | undefined>();
  const table = useServerTable({ queryKey: ['clerks'], path: '/clerks', schema: ClerkPage, filters: { storeId } });
  const stores = useScopeStores();
  const roles = useRoleChoices('till');
  const [editing, setEditing] = useState<ClerkRecord | 'new' | null>(null);
  const [pinFor, setPinFor] = useState<ClerkRecord | null>(null);
  const save = useHqChange<ClerkFields, ClerkRecord>(['clerks', 'roles'], (f) =>
    editing && editing !== 'new'
      ? { method: 'PUT', path: `/clerks/${editing.id}`, schema: ClerkRecord, body: { ...toBody(f), pin: undefined } }
      : { method: 'POST', path: '/clerks', schema: ClerkRecord, body: toBody(f) });
  const resetPin = useHqChange<string, ClerkRecord>(['clerks'], (pin) => ({ method: 'POST', path: `/clerks/${pinFor?.id}/pin`, schema: ClerkRecord, body: { pin } }));
  const setActive = useHqChange<ClerkRecord, ClerkRecord>(['clerks'], (c) => ({ method: 'POST', path: `/clerks/${c.id}/${c.active ? 'deactivate' : 'reactivate'}`, schema: ClerkRecord }));

  const storeName = (id: string | null) => {
    if (!id) return t('office.people.everyStore');
    const store = stores.data?.find((s) => s.id === id);
    return store ? `${store.code} · ${pickName(store)}` : '—';
  };
  const roleName = (id: string | null) => {
    const role = roles.data?.items.find((r) => r.id === id);
    return id ? (role ? pickName(role) : '—') : t('office.people.roleDefaults');
  };
  const columns: TableColumnsType<ClerkRecord> = [
    { title: t('office.clerks.code'), dataIndex: 'code', key: 'code', sorter: true, width: 90 },
    { title: t('office.people.name'), dataIndex: 'name', key: 'name', sorter: true },
    { title: t('office.people.store'), dataIndex: 'storeId', render: storeName },
    {
      title: t('office.clerks.role'), dataIndex: 'role', key: 'role', sorter: true,
      filters: ClerkRole.options.map((r) => ({ text: t(`office.clerks.role.${r}`), value: r })), render: (r: ClerkRole) => t(`office.clerks.role.${r}`),
    },
    { title: t('office.clerks.badge'), dataIndex: 'badgeCode', render: (v: string | null) => v ?? '—' },
    { title: t('office.clerks.grade'), dataIndex: 'commissionGrade', render: (v: string | null) => v ?? '—', width: 80 },
    { title: t('office.clerks.tillRole'), dataIndex: 'permissionRoleId', render: roleName },
    statusColumn<ClerkRecord>(t),
    ...(canEdit ? [actionsColumn<ClerkRecord>(t, {
      onEdit: (c) => { save.reset(); setEditing(c); },
      secret: { label: t('office.clerks.resetPin'), onClick: (c) => { resetPin.reset(); setPinFor(c); } },
      confirmDeactivate: t('office.clerks.confirmDeactivate'),
      onToggleActive: (c) => setActive.mutate(c),
    })] : []),
  ];
  return (
    <PeopleTablePage<ClerkRecord>
      title={t('office.clerks.title')} hint={t('office.clerks.hint')} newLabel={canEdit ? t('office.clerks.new') : null} onNew={() => { save.reset(); setEditing('new'); }}
      searchLabel={t('office.clerks.search')} search={table.search} onSearch={table.setSearch}
      filters={(
        <Select
          allowClear aria-label={t('office.people.store')} placeholder={t('office.people.allStores')} value={storeId} onChange={setStoreId} className="people-store-filter"
          options={(stores.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` }))}
        />
      )}
      error={table.query.error ?? setActive.error} columns={columns} tableProps={table.tableProps}
    >
      <ClerkFormModal
        open={editing !== null} clerk={editing === 'new' ? null : editing} busy={save.isPending} error={save.error}
        onSubmit={(f) => save.mutate(f, { onSuccess: () => setEditing(null) })} onClose={() => setEditing(null)}
      />
      <SecretModal
        open={pinFor !== null} kind="pin" title={t('office.clerks.resetPinOf', { name: pinFor?.name ?? '' })} busy={resetPin.isPending} error={resetPin.error}
        onSubmit={(pin) => resetPin.mutate(pin, { onSuccess: () => setPinFor(null) })} onClose={() => setPinFor(null)}
      />
    </PeopleTablePage>
  );
}
