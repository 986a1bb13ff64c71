import { App, Button, Card, Empty, Popconfirm, Space, Table, Tag } from 'antd';
import type { MemberRecord } from '@pos/shared';
import { officeHash } from '../features/office-core/office-route';
import { useDuplicates } from '../features/office-members/use-members';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';
import { OfficePage } from './office-page';

/** Look-alike members (查重) and merging each into the first of its group (合并): balance, points, cards and child cards follow. HQ only. */
export function MemberDuplicatesScreen() {
  const { t, pickName } = useI18n();
  const { message } = App.useApp();
  const { list, merge } = useDuplicates();
  const groups = list.data?.groups ?? [];
  return (
    <OfficePage title={t('office.members.duplicatesTitle')} hint={t('office.members.duplicatesHint')}>
      <HqErrorAlert error={list.error ?? merge.error} />
      {list.isSuccess && groups.length === 0 && <Card><Empty description={t('office.members.noDuplicates')} /></Card>}
      <div data-testid="member-duplicates" style={{ display: 'grid', gap: 16 }}>
        {groups.map((g) => {
          const [keep] = g.members;
          return (
            <Card key={g.members.map((m) => m.id).join()} title={t(`office.members.duplicateBy.${g.reason}`)}>
              <Table<MemberRecord> rowKey="id" size="small" pagination={false} dataSource={g.members} columns={[
                { title: t('office.members.name'), key: 'name', render: (_, m) => <a href={officeHash('members', m.id)}>{m.name}</a> },
                { title: t('office.members.card'), key: 'card', render: (_, m) => <span className="num">{m.cardNo ?? '—'}</span> },
                { title: t('office.members.phone'), key: 'phone', render: (_, m) => <span className="num">{m.phoneMasked ?? '—'}</span> },
                { title: t('office.members.birthday'), key: 'birthday', render: (_, m) => m.birthday ?? '—' },
                { title: t('office.members.level'), key: 'level', render: (_, m) => pickName(m.level) },
                { title: t('office.members.status'), key: 'active', render: (_, m) => <Tag color={m.active ? '#237804' : undefined}>{t(m.active ? 'office.members.active' : 'office.members.inactive')}</Tag> },
                { title: t('office.members.actions'), key: 'actions', render: (_, m) => (m.id === keep?.id ? <Tag color="processing">{t('office.members.keep')}</Tag> : (
                  <Space>
                    <Popconfirm title={t('office.members.mergeConfirm', { from: m.name, into: keep!.name })} okText={t('office.members.yes')} cancelText={t('common.cancel')}
                      onConfirm={() => merge.mutateAsync({ duplicate: m, into: keep! }).then(() => void message.success(t('office.members.merged')), () => undefined)}>
                      <Button size="small" data-testid="member-merge">{t('office.members.merge')}</Button>
                    </Popconfirm>
                  </Space>
                )) },
              ]} />
            </Card>
          );
        })}
      </div>
    </OfficePage>
  );
}
