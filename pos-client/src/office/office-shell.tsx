import { useEffect } from 'react';
import { resolveSection, sectionsFor } from '../features/office-core/office-route';
import { useOfficeRoute } from '../features/office-core/use-office-route';
import { useOfficeSession } from '../features/office-core/use-office-session';
import { useI18n } from '../i18n/i18n-context';
import { OfficeNav } from './office-nav';
import { OfficeSectionView } from './office-section-view';
import { OfficeSignInScreen } from './office-sign-in-screen';

/** Sign-in, then the sections the user's role may open, picked from the address bar. */
export function OfficeShell() {
  const { t, locale } = useI18n();
  const { session, http, signIn, signOut } = useOfficeSession();
  const route = useOfficeRoute();

  useEffect(() => {
    // The shared language provider titles the page as the till after its own effect; run after it.
    queueMicrotask(() => {
      document.title = t('office.title');
    });
  }, [t, locale]);

  if (!session) return <OfficeSignInScreen onSignIn={signIn} />;
  const section = resolveSection(route, session.user.role);
  return (
    <div className="office">
      <OfficeNav sections={sectionsFor(session.user.role)} current={section} user={session.user} onSignOut={signOut} />
      <main className="office-main">
        {section ? <OfficeSectionView section={section} rest={route.rest} http={http} /> : <p className="office-empty">{t('office.noAccess')}</p>}
      </main>
    </div>
  );
}
