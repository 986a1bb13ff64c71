import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Locale } from '@pos/shared';
import type { MessageKey } from './messages-en';
import { errorText, translate, type MessageParams } from './translate';

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  toggleLocale: () => void;
  t: (key: MessageKey, params?: MessageParams) => string;
  errorText: (code: string, params?: MessageParams) => string;
  /** A product or store name in the current language. */
  pickName: (names: { nameZh: string; nameEn: string }) => string;
}

const storageKey = 'pos-till-locale';
const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const saved = Locale.safeParse(localStorage.getItem(storageKey));
  if (saved.success) return saved.data;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

const noParams: MessageParams = {};

/** `standing` are parameters every message may name, e.g. the till's keys (`{key_complete}`). */
export function I18nProvider({ children, standing = noParams }: { children: ReactNode; standing?: MessageParams }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);

  useEffect(() => {
    localStorage.setItem(storageKey, locale);
    document.documentElement.lang = locale;
    document.title = translate(locale, 'app.title');
  }, [locale]);

  const toggleLocale = useCallback(() => setLocale((current) => (current === 'en' ? 'zh-CN' : 'en')), []);

  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      toggleLocale,
      t: (key, params) => translate(locale, key, { ...standing, ...params }),
      errorText: (code, params) => errorText(locale, code, { ...standing, ...params }),
      pickName: (names) => (locale === 'en' ? names.nameEn : names.nameZh),
    }),
    [locale, toggleLocale, standing],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
