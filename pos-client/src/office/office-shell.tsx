import { useQueryClient } from '@tanstack/react-query';
import { Result, Spin } from 'antd';
import { Suspense, useEffect, useMemo } from 'react';
import { OfficeContextProvider } from '../features/office-core/office-context';
import { resolveSection } from '../features/office-core/office-route';
import { useOfficeRoute } from '../features/office-core/use-office-route';
import { useOfficeSession } from '../features/office-core/use-office-session';
import { useI18n } from '../i18n/i18n-context';
import { OfficeLayout } from './office-layout';
import { officeSections } from './office-sections';
import { OfficeSignInScreen } from './office-sign-in-screen';

/** Sign-in, then the section the address names if the user's role may open it, else the role's first. */
export function OfficeShell() {
  const { t, locale } = useI18n();
  const { session, http, signIn, signOut } = useOfficeSession();
  const route = useOfficeRoute();
  const queryClient = useQueryClient();

  useEffect(() => {
    // The shared language provider titles the page as the till after its own effect; run after it.
    queueMicrotask(() => {
      document.title = t('office.title');
    });
  }, [t, locale]);

  const context = useMemo(() => (session ? { http, user: session.user, permissions: session.permissions } : null), [http, session]);
  if (!context) return <OfficeSignInScreen onSignIn={signIn} />;
  const resolved = resolveSection(officeSections, route, context.user.role, context.permissions.modules);
  const leave = () => {
    signOut();
    queryClient.clear();
  };
  return (
    <OfficeContextProvider value={context}>
      <OfficeLayout current={resolved?.section.key ?? null} onSignOut={leave}>
        {resolved ? (
          <Suspense fallback={<Spin className="office-loading" aria-label={t('office.loading')} />}>
            <resolved.section.screen key={resolved.section.key} rest={resolved.rest} />
          </Suspense>
        ) : (
          <Result status="403" title={t('office.noAccess')} />
        )}
      </OfficeLayout>
    </OfficeContextProvider>
  );
}
