import { Button, Input, Popconfirm, Space, Table, Tag, type TableColumnsType, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { HqErrorAlert } from '../hq-error';

/** What the users and clerks lists have alike: an account that is active or not, and may be locked after wrong passwords or PINs. */
interface Person {
  id: string;
  active: boolean;
  lockedUntil: string | null;
}

type Translate = ReturnType<typeof useI18n>['t'];

/** Active or inactive (a filter HQ applies), and locked when it is. */
export function statusColumn<T extends Person>(t: Translate): TableColumnsType<T>[number] {
  return {
    title: t('office.people.status'), dataIndex: 'active', key: 'active', filterMultiple: false,
    filters: [{ text: t('office.people.active'), value: 'true' }, { text: t('office.people.inactive'), value: 'false' }],
    render: (active: boolean, row: T) => (
      <Space size={4}>
        <Tag className={active ? 'people-tag-ok' : undefined}>{active ? t('office.people.active') : t('office.people.inactive')}</Tag>
        {row.lockedUntil && <Tag className="people-tag-warn">{t('office.people.locked')}</Tag>}
      </Space>
    ),
  };
}

interface PersonActions<T> {
  onEdit: (row: T) => void;
  /** Setting a new password or PIN, when the caller may. */
  secret: { label: string; onClick: (row: T) => void } | null;
  confirmDeactivate: string;
  onToggleActive: (row: T) => void;
  /** What a row shows instead of actions, e.g. the caller's own account. */
  instead?: (row: T) => ReactNode | null;
}

/** Edit, new password or PIN, and deactivate or reactivate after a confirmation. */
export function actionsColumn<T extends Person>(t: Translate, actions: PersonActions<T>): TableColumnsType<T>[number] {
  return {
    title: t('office.people.actions'), key: 'actions', fixed: 'right',
    render: (_: unknown, row: T) => actions.instead?.(row) ?? (
      <Space size={0} wrap>
        <Button type="link" size="small" onClick={() => actions.onEdit(row)}>{t('office.people.editAction')}</Button>
        {actions.secret && <Button type="link" size="small" onClick={() => actions.secret?.onClick(row)}>{actions.secret.label}</Button>}
        <Popconfirm title={row.active ? actions.confirmDeactivate : t('office.people.confirmReactivate')} okText={t('office.people.yes')} cancelText={t('office.people.cancel')} onConfirm={() => actions.onToggleActive(row)}>
          <Button type="link" size="small" danger={row.active}>{row.active ? t('office.people.deactivate') : t('office.people.reactivate')}</Button>
        </Popconfirm>
      </Space>
    ),
  };
}

interface PeopleTablePageProps<T> {
  title: string;
  hint: string;
  /** The label of the button that adds someone; none when the caller may not. */
  newLabel: string | null;
  onNew: () => void;
  searchLabel: string;
  search: string;
  onSearch: (text: string) => void;
  /** More filters beside the search box. */
  filters?: ReactNode;
  error: unknown;
  columns: TableColumnsType<T>;
  tableProps: Pick<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'onChange'>;
  /** The dialogs the page opens. */
  children: ReactNode;
}

/** A people list screen: title and hint, the add button, search and filters, HQ's error, the paged table, and its dialogs. */
export function PeopleTablePage<T extends Person>(props: PeopleTablePageProps<T>) {
  return (
    <section className="office-page">
      <header className="office-page-header">
        <div>
          <h1>{props.title}</h1>
          <p>{props.hint}</p>
        </div>
        {props.newLabel && <Button type="primary" onClick={props.onNew}>{props.newLabel}</Button>}
      </header>
      <div className="office-card">
        <Space wrap className="people-toolbar">
          <Input.Search allowClear aria-label={props.searchLabel} placeholder={props.searchLabel} value={props.search} onChange={(e) => props.onSearch(e.target.value)} className="people-search" />
          {props.filters}
        </Space>
        <HqErrorAlert error={props.error} />
        <Table<T> rowKey="id" size="middle" columns={props.columns} {...props.tableProps} scroll={{ x: 'max-content' }} />
      </div>
      {props.children}
    </section>
  );
}
