import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { keyParams } from '../features/shortcuts/key-label-text';
import { TillShortcutsProvider, useTillShortcuts } from '../features/shortcuts/till-shortcuts-context';
import { I18nProvider } from '../i18n/i18n-context';
import { ErrorBoundary } from './error-boundary';
import { TillFailure } from './till-failure';
import { ServicesProvider } from './services-context';
import type { TillServices } from './till-services';
import { TillShell } from './till-shell';
import './till.css';
import './till-layout.css';

export function TillApp({ services }: { services: TillServices }) {
  return (
    <ErrorBoundary fallback={<TillFailure />}>
      <ServicesProvider services={services}>
        <TillShortcutsProvider>
          <KeyedI18nProvider>
            <TillShell />
          </KeyedI18nProvider>
        </TillShortcutsProvider>
      </ServicesProvider>
    </ErrorBoundary>
  );
}

/** The till's words, where a text that names a key names the chain's key for it. */
function KeyedI18nProvider({ children }: { children: ReactNode }) {
  const shortcuts = useTillShortcuts();
  const standing = useMemo(() => keyParams(shortcuts), [shortcuts]);
  return <I18nProvider standing={standing}>{children}</I18nProvider>;
}
