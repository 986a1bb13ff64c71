import { I18nProvider } from '../i18n/i18n-context';
import { officeMessagesEn } from '../i18n/office-messages-en';
import { officeMessagesZh } from '../i18n/office-messages-zh';
import { addMessages } from '../i18n/translate';
import { ErrorBoundary } from '../app/error-boundary';
import { OfficeFailure } from './office-failure';
import { OfficeProviders } from './office-providers';
import { OfficeShell } from './office-shell';
import './office.css';

addMessages('en', officeMessagesEn);
addMessages('zh-CN', officeMessagesZh);

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
