import { QueryClientProvider } from '@tanstack/react-query';
import { App, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { createOfficeQueryClient } from '../features/office-core/hq-query';
import { useI18n } from '../i18n/i18n-context';

/** Darker than antd's defaults where its greys and blue fall short of WCAG AA contrast on white. */
const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1554c0',
    colorLink: '#1554c0',
    colorError: '#c0262d',
    colorSuccess: '#237a0e',
    colorSuccessBg: '#f0f9eb',
    colorSuccessBorder: '#b7e0a5',
    colorWarning: '#9a5b00',
    colorWarningBg: '#fff7e6',
    colorWarningBorder: '#ffd591',
    colorTextSecondary: 'rgba(0, 0, 0, 0.66)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    colorInfo: '#1554c0',
    fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
  },
  components: {
    Menu: { groupTitleColor: 'rgba(0, 0, 0, 0.62)' },
  },
};

const reducedMotionQuery = '(prefers-reduced-motion: reduce)';
const subscribeToReducedMotion = (onChange: () => void) => {
  const query = window.matchMedia(reducedMotionQuery);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};
const prefersReducedMotion = () => window.matchMedia(reducedMotionQuery).matches;

/**
 * antd (and dayjs, for its date pickers) in the app's language (the till's `pos-till-locale`), and one TanStack Query client for the tab.
 * A person who asks their system for reduced motion gets lists, dialogs and drawers that appear without sliding or fading.
 */
export function OfficeProviders({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  const [queryClient] = useState(createOfficeQueryClient);
  const reducedMotion = useSyncExternalStore(subscribeToReducedMotion, prefersReducedMotion);
  const themed = useMemo<ThemeConfig>(() => (reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme), [reducedMotion]);
  // Date pickers name months and weekdays through dayjs's global locale.
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={themed} button={{ autoInsertSpace: false }} form={{ colon: false }}>
      <App>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </App>
    </ConfigProvider>
  );
}
