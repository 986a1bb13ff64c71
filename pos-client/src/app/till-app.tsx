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
        <I18nProvider>
          <TillShell />
        </I18nProvider>
      </ServicesProvider>
    </ErrorBoundary>
  );
}
