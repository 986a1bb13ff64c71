import { officeHash } from '../features/office-core/office-route';
import { useI18n } from '../i18n/i18n-context';

type SettingsPage = 'pricing' | 'assortments';

const pages: [SettingsPage, string][] = [
  ['pricing', officeHash('settings')],
  ['assortments', officeHash('settings', 'assortments')],
];

/** The settings pages as links, so each has an address of its own. */
export function SettingsTabs({ current }: { current: SettingsPage }) {
  const { t } = useI18n();
  return (
    <nav className="office-segmented" aria-label={t('office.nav.settings')}>
      {pages.map(([page, href]) => (
        <a key={page} href={href} aria-current={page === current ? 'page' : undefined}>
          {t(`office.settings.tab.${page}`)}
        </a>
      ))}
    </nav>
  );
}
