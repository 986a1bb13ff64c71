import { PermissionRolePage, type PermissionRole, type PermissionRoleKind } from '@pos/shared';
import { Button, Input, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useOfficePermissions } from '../../features/office-core/office-context';
import { useServerTable } from '../../features/office-core/use-server-table';
import { useI18n } from '../../i18n/i18n-context';
import { HqErrorAlert } from '../hq-error';
import { RoleEditor } from './role-editor';

/** The chain's roles (权限): office roles for office users, till roles for clerks' function keys. HQ edits them. */
export function RolesScreen() {
  const { t } = useI18n();
  const canEdit = useOfficePermissions().modules.roles === 'edit';
  const table = useServerTable({ queryKey: ['roles'], path: '/roles', schema: PermissionRolePage });
  const [editing, setEditing] = useState<{ role: PermissionRole | null; kind: PermissionRoleKind } | null>(null);
  const columns: TableColumnsType<PermissionRole> = [
    { title: t('office.roles.code'), dataIndex: 'code', key: 'code', sorter: true },
    { title: t('office.roles.nameZh'), dataIndex: 'nameZh', key: 'nameZh', sorter: true },
    { title: t('office.roles.nameEn'), dataIndex: 'nameEn', key: 'nameEn', sorter: true },
    {
      title: t('office.roles.kind'), dataIndex: 'kind', key: 'kind', filterMultiple: false,
      filters: [{ text: t('office.roles.kind.office'), value: 'office' }, { text: t('office.roles.kind.till'), value: 'till' }],
      render: (k: PermissionRoleKind) => <Tag className={k === 'office' ? 'people-tag-info' : undefined}>{t(`office.roles.kind.${k}`)}</Tag>,
    },
    { title: t('office.roles.holders'), dataIndex: 'inUse', align: 'right' },
    { title: t('office.people.status'), dataIndex: 'active', render: (a: boolean) => <Tag className={a ? 'people-tag-ok' : undefined}>{a ? t('office.people.active') : t('office.people.inactive')}</Tag> },
    ...(canEdit ? [{ title: t('office.people.actions'), key: 'actions', render: (_: unknown, r: PermissionRole) => <Button type="link" size="small" onClick={() => setEditing({ role: r, kind: r.kind })}>{t('office.people.editAction')}</Button> }] : []),
  ];
  return (
    <section className="office-page">
      <header className="office-page-header">
        <div>
          <h1>{t('office.roles.title')}</h1>
          <p>{t('office.roles.hint')}</p>
        </div>
        {canEdit && (
          <Space>
            <Button onClick={() => setEditing({ role: null, kind: 'office' })}>{t('office.roles.newOffice')}</Button>
            <Button type="primary" onClick={() => setEditing({ role: null, kind: 'till' })}>{t('office.roles.newTill')}</Button>
          </Space>
        )}
      </header>
      <div className="office-card">
        <Space wrap className="people-toolbar">
          <Input.Search allowClear aria-label={t('office.roles.search')} placeholder={t('office.roles.search')} value={table.search} onChange={(e) => table.setSearch(e.target.value)} className="people-search" />
        </Space>
        <HqErrorAlert error={table.query.error} />
        <Table<PermissionRole> rowKey="id" size="middle" columns={columns} {...table.tableProps} scroll={{ x: 'max-content' }} />
      </div>
      {editing && <RoleEditor open role={editing.role} kind={editing.kind} onClose={() => setEditing(null)} />}
    </section>
  );
}
