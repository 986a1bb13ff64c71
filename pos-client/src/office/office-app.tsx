import { I18nProvider } from '../i18n/i18n-context';
import { ErrorBoundary } from '../app/error-boundary';
import { OfficeFailure } from './office-failure';
import { OfficeProviders } from './office-providers';
import { OfficeShell } from './office-shell';
import './office.css';

export function OfficeApp() {
  return (
    <ErrorBoundary fallback={<OfficeFailure />}>
      <I18nProvider>
        <OfficeProviders>
          <OfficeShell />
        </OfficeProviders>
      </I18nProvider>
    </ErrorBoundary>
  );
}
