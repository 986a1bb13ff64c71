import { I18nProvider } from '../i18n/i18n-context';
import { OfficeErrorBoundary } from './office-error-boundary';
import { OfficeShell } from './office-shell';
import './office.css';

export function OfficeApp() {
  return (
    <OfficeErrorBoundary>
      <I18nProvider>
        <OfficeShell />
      </I18nProvider>
    </OfficeErrorBoundary>
  );
}
