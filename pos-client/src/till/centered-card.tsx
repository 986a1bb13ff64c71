import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';

/** The frame of the pairing, loading and sign-in screens. */
export function CenteredCard({ children, showLanguage = false }: { children: ReactNode; showLanguage?: boolean }) {
  const { t, toggleLocale } = useI18n();
  return (
    <div className="centered">
      <div className="card">
        <div className="card-footer">
          <div className="card-brand">
            <img src="/icons/icon.svg" alt="" />
            {t('app.title')}
          </div>
          {showLanguage && (
            <button type="button" className="button button-small" onClick={toggleLocale} data-testid="language-switch">
              {t('status.language')}
            </button>
          )}
        </div>
        {children}
      </div>
    </div>
  );
}
