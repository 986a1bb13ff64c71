import { App, Badge, Button, Card, Table, Tabs, Tag } from 'antd';
import type { PromotionWithState } from '@pos/shared';
import { officeHash } from '../features/office-core/office-route';
import { usePromotionList, type ListTab } from '../features/office-promotions/use-promotion-list';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';
import { OfficePage } from './office-page';

const tabs: ListTab[] = ['running', 'scheduled', 'ended', 'draft'];
const when = (text: string | null) => (text ? text.replace('T', ' ') : '…');
const stateColor: Record<PromotionWithState['state'], string> = { running: 'success', scheduled: 'processing', ended: 'default', draft: 'default', paused: 'warning', archived: 'error' };

/** The chain's promotions by state, each opening its editor; HQ pages none of them, so the list is whole. */
export function PromotionListScreen() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const { list, tab, setTab, counts, shown, archive } = usePromotionList();

  const confirmArchive = ({ id, rule }: PromotionWithState) =>
    void modal.confirm({ title: t('office.promo.confirmArchive', { name: rule.name }), okText: t('office.promo.archive'), okButtonProps: { danger: true }, cancelText: t('common.cancel'), onOk: () => archive.mutateAsync(id) });

  const table = (
    <Table<PromotionWithState>
      rowKey="id"
      loading={list.isPending}
      dataSource={shown}
      pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: t('office.promo.none') }}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'name', title: t('office.promo.name'), render: (_, { id, rule }) => <a href={officeHash('promotions', 'edit', id)}>{rule.name}</a> },
        { key: 'kind', title: t('office.promo.kindColumn'), render: (_, { rule }) => t(`office.promo.kind.${rule.kind}`) },
        { key: 'dates', title: t('office.promo.dates'), className: 'num', render: (_, { rule }) => (rule.validFrom || rule.validTo ? `${when(rule.validFrom)} – ${when(rule.validTo)}` : t('office.promo.noDates')) },
        { key: 'stores', title: t('office.promo.stores'), render: (_, { rule }) => (rule.storeIds.length === 0 ? t('office.promo.allStores') : t('office.promo.someStores', { count: rule.storeIds.length })) },
        { key: 'state', title: t('office.promo.state'), render: (_, { state }) => <Tag color={stateColor[state]}>{t(`office.promo.state.${state}`)}</Tag> },
        {
          key: 'action',
          title: <span className="office-visually-hidden">{t('office.devices.actions')}</span>,
          align: 'right',
          render: (_, promotion) => <Button type="link" danger onClick={() => confirmArchive(promotion)}>{t('office.promo.archive')}</Button>,
        },
      ]}
    />
  );

  return (
    <OfficePage title={t('office.promo.title')} hint={t('office.promo.hint')} extra={<Button type="primary" href={officeHash('promotions', 'new')}>{t('office.promo.new')}</Button>}>
      <HqErrorAlert error={list.error ?? archive.error} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(tabs.find((x) => x === key) ?? 'running')}
          items={tabs.map((key) => ({
            key,
            label: <>{t(`office.promo.tab.${key}`)} <Badge count={counts[key]} showZero color="#5b6675" /></>,
            children: key === tab ? table : null,
          }))}
        />
      </Card>
    </OfficePage>
  );
}
