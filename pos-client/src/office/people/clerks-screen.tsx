import { Button, Input, Popconfirm, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { ClerkPage, ClerkRecord, ClerkRole, type CreateClerkBody } from '@pos/shared';
import { useState } from 'react';
import { useOfficePermissions } from '../../features/office-core/office-context';
import { useServerTable } from '../../features/office-core/use-server-table';
import { useHqChange, useRoleChoices, useScopeStores } from '../../features/office-people/people-queries';
import { useI18n } from '../../i18n/i18n-context';
import { HqErrorAlert } from '../hq-error';
import { ALL, ClerkFormModal, type ClerkFields } from './clerk-form-modal';
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
    {
      title: t('office.people.status'), dataIndex: 'active', key: 'active', filterMultiple: false,
      filters: [{ text: t('office.people.active'), value: 'true' }, { text: t('office.people.inactive'), value: 'false' }],
      render: (active: boolean, c) => (
        <Space size={4}>
          <Tag className={active ? 'people-tag-ok' : undefined}>{active ? t('office.people.active') : t('office.people.inactive')}</Tag>
          {c.lockedUntil && <Tag className="people-tag-warn">{t('office.people.locked')}</Tag>}
        </Space>
      ),
    },
    ...(canEdit ? [{
      title: t('office.people.actions'), key: 'actions', fixed: 'right' as const,
      render: (_: unknown, c: ClerkRecord) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => { save.reset(); setEditing(c); }}>{t('office.people.editAction')}</Button>
          <Button type="link" size="small" onClick={() => { resetPin.reset(); setPinFor(c); }}>{t('office.clerks.resetPin')}</Button>
          <Popconfirm title={c.active ? t('office.clerks.confirmDeactivate') : t('office.people.confirmReactivate')} okText={t('office.people.yes')} cancelText={t('office.people.cancel')} onConfirm={() => setActive.mutate(c)}>
            <Button type="link" size="small" danger={c.active}>{c.active ? t('office.people.deactivate') : t('office.people.reactivate')}</Button>
          </Popconfirm>
        </Space>
      ),
    }] : []),
  ];
  return (
    <section className="office-page">
      <header className="office-page-header">
        <div>
          <h1>{t('office.clerks.title')}</h1>
          <p>{t('office.clerks.hint')}</p>
        </div>
        {canEdit && <Button type="primary" onClick={() => { save.reset(); setEditing('new'); }}>{t('office.clerks.new')}</Button>}
      </header>
      <div className="office-card">
        <Space wrap className="people-toolbar">
          <Input.Search allowClear aria-label={t('office.clerks.search')} placeholder={t('office.clerks.search')} value={table.search} onChange={(e) => table.setSearch(e.target.value)} className="people-search" />
          <Select
            allowClear aria-label={t('office.people.store')} placeholder={t('office.people.allStores')} value={storeId} onChange={setStoreId} className="people-store-filter"
            options={(stores.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` }))}
          />
        </Space>
        <HqErrorAlert error={table.query.error ?? setActive.error} />
        <Table<ClerkRecord> rowKey="id" size="middle" columns={columns} {...table.tableProps} scroll={{ x: 'max-content' }} />
      </div>
      <ClerkFormModal
        open={editing !== null} clerk={editing === 'new' ? null : editing} busy={save.isPending} error={save.error}
        onSubmit={(f) => save.mutate(f, { onSuccess: () => setEditing(null) })} onClose={() => setEditing(null)}
      />
      <SecretModal
        open={pinFor !== null} kind="pin" title={t('office.clerks.resetPinOf', { name: pinFor?.name ?? '' })} busy={resetPin.isPending} error={resetPin.error}
        onSubmit={(pin) => resetPin.mutate(pin, { onSuccess: () => setPinFor(null) })} onClose={() => setPinFor(null)}
      />
    </section>
  );
}
