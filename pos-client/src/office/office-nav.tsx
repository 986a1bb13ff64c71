import type { OfficeSession } from '@pos/shared';
import { officeHash, type OfficeSection } from '../features/office-core/office-route';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en';

const sectionLabel: Record<OfficeSection, MessageKey> = {
  reports: 'office.nav.reports',
  prices: 'office.nav.prices',
  promotions: 'office.nav.promotions',
  devices: 'office.nav.devices',
  settings: 'office.nav.settings',
};

const roleLabel: Record<OfficeSession['user']['role'], MessageKey> = {
  hq_admin: 'office.role.hq_admin',
  region_manager: 'office.role.region_manager',
  franchisee: 'office.role.franchisee',
  store_manager: 'office.role.store_manager',
  cashier: 'office.role.cashier',
};

interface Props {
  sections: OfficeSection[];
  current: OfficeSection | null;
  user: OfficeSession['user'];
  onSignOut: () => void;
}

export function OfficeNav({ sections, current, user, onSignOut }: Props) {
  const { t, toggleLocale } = useI18n();
  return (
    <nav className="office-nav" aria-label={t('office.title')}>
      <div className="office-brand">
        <img src="/icons/icon.svg" alt="" />
        <span>{t('office.title')}</span>
      </div>
      <ul>
        {sections.map((section) => (
          <li key={section}>
            <a href={officeHash(section)} aria-current={section === current ? 'page' : undefined}>
              {t(sectionLabel[section])}
            </a>
          </li>
        ))}
      </ul>
      <div className="office-user">
        <strong>{user.name}</strong>
        <span>{t(roleLabel[user.role])}</span>
        <span className="office-user-mail">{user.email}</span>
        <div className="office-user-actions">
          <button type="button" onClick={toggleLocale}>{t('status.language')}</button>
          <button type="button" onClick={onSignOut}>{t('status.signOut')}</button>
        </div>
      </div>
    </nav>
  );
}
