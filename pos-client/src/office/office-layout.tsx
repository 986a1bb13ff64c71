import type { OfficeSession } from '@pos/shared';
import { Button, Layout, Menu, Space, Tag, Typography, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useOfficePermissions, useOfficeUser } from '../features/office-core/office-context';
import { officeHash, sectionsFor } from '../features/office-core/office-route';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en';
import { menuGroupLabel, officeMenuGroups, officeSections } from './office-sections';

const roleLabel: Record<OfficeSession['user']['role'], MessageKey> = {
  hq_admin: 'office.role.hq_admin',
  region_manager: 'office.role.region_manager',
  franchisee: 'office.role.franchisee',
  store_manager: 'office.role.store_manager',
  cashier: 'office.role.cashier',
};

interface Props {
  current: string | null;
  onSignOut: () => void;
  children: ReactNode;
}

/** The menu of the sections the user may open, grouped; the header with the user, the language and sign-out. */
export function OfficeLayout({ current, onSignOut, children }: Props) {
  const { t, toggleLocale } = useI18n();
  const user = useOfficeUser();
  const { modules } = useOfficePermissions();
  const allowed = sectionsFor(officeSections, user.role, modules);
  const items: MenuProps['items'] = officeMenuGroups.flatMap((group) => {
    const entries = allowed.filter((s) => s.group === group);
    if (entries.length === 0) return [];
    return [{ type: 'group' as const, key: group, label: t(menuGroupLabel[group]), children: entries.map((s) => ({ key: s.key, label: <a href={officeHash(s.key)}>{t(s.label)}</a> })) }];
  });
  return (
    <Layout className="office">
      <Layout.Sider width={240} theme="light" className="office-sider">
        <div className="office-brand">
          <img src="/icons/icon.svg" alt="" />
          <span>{t('office.title')}</span>
        </div>
        <nav aria-label={t('office.title')}>
          <Menu className="office-menu" mode="inline" items={items} selectedKeys={current ? [current] : []} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="office-header">
          <Space size="middle" className="office-user">
            <Typography.Text strong>{user.name}</Typography.Text>
            <Tag>{t(roleLabel[user.role])}</Tag>
            <Typography.Text type="secondary" className="office-user-mail">{user.email}</Typography.Text>
          </Space>
          <Space className="office-user-actions">
            <Button onClick={toggleLocale}>{t('status.language')}</Button>
            <Button onClick={onSignOut}>{t('status.signOut')}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="office-main">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
