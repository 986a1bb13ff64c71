import { Card, Input, Table, Tag, type TableColumnsType } from 'antd';
import type { MemberRecord } from '@pos/shared';
import { officeHash } from '../features/office-core/office-route';
import { useMembersTable } from '../features/office-members/use-members';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';
import { MemberDetailScreen } from './member-detail-screen';
import { OfficePage } from './office-page';
import type { OfficeScreenProps } from './office-sections';

/** Members (会员): the list searched by card, mobile, name or pinyin; `#/office/members/<id>` opens one member. */
export function MembersScreen({ rest }: OfficeScreenProps) {
  return rest[0] ? <MemberDetailScreen id={rest[0]} /> : <MemberList />;
}

function MemberList() {
  const { t, pickName } = useI18n();
  const table = useMembersTable();
  const columns: TableColumnsType<MemberRecord> = [
    { title: t('office.members.card'), key: 'cardNo', render: (_, m) => <a href={officeHash('members', m.id)} className="num">{m.cardNo ?? t('office.members.noCard')}</a> },
    { title: t('office.members.name'), key: 'name', render: (_, m) => <a href={officeHash('members', m.id)}>{m.name}</a> },
    { title: t('office.members.phone'), dataIndex: 'phoneMasked', key: 'phone', render: (phone: string | null) => <span className="num">{phone ?? '—'}</span> },
    { title: t('office.members.level'), key: 'level', render: (_, m) => pickName(m.level) },
    { title: t('office.members.status'), key: 'active', render: (_, m) => <Tag color={m.active ? '#237804' : undefined}>{t(m.active ? 'office.members.active' : 'office.members.inactive')}</Tag> },
  ];
  return (
    <OfficePage title={t('office.members.title')} hint={t('office.members.hint')}>
      <Card>
        <Input.Search
          id="member-search" aria-label={t('office.members.search')} placeholder={t('office.members.search')} allowClear style={{ maxWidth: 420, marginBottom: 16 }}
          value={table.search} onChange={(e) => table.setSearch(e.target.value)}
        />
        <HqErrorAlert error={table.query.error} />
        <Table<MemberRecord> rowKey="id" size="middle" columns={columns} data-testid="members-table" locale={{ emptyText: t('office.members.empty') }} {...table.tableProps} />
      </Card>
    </OfficePage>
  );
}
