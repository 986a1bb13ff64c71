import { useCallback, useMemo, useState } from 'react';
import { OfficeSession, type OfficeSignInBody } from '@pos/shared';
import { z } from 'zod';
import { failureCode } from '../../hq/hq-failure';
import { createOfficeHttp, type OfficeHttp } from './office-http';
import { clearOfficeSession, loadOfficeSession, saveOfficeSession } from './office-session-store';

export interface OfficeSessionState {
  session: OfficeSession | null;
  http: OfficeHttp;
  signIn: (body: OfficeSignInBody) => Promise<{ ok: true } | { ok: false; code: string }>;
  signOut: () => void;
}

/**
 * The office user's session: signed in with e-mail and password, kept in sessionStorage, dropped
 * when HQ refuses it. Signing out ends it at HQ too, without waiting for HQ to answer.
 */
export function useOfficeSession(): OfficeSessionState {
  const [session, setSession] = useState<OfficeSession | null>(() => loadOfficeSession(sessionStorage, new Date()));

  const forget = useCallback(() => {
    clearOfficeSession(sessionStorage);
    setSession(null);
  }, []);

  const http = useMemo(
    () => createOfficeHttp({ token: () => session?.token ?? null, onUnauthenticated: session ? forget : undefined }),
    [session, forget],
  );

  const signOut = useCallback(() => {
    void http({ method: 'POST', path: '/auth/office/sign-out', schema: z.unknown() });
    forget();
  }, [http, forget]);

  const signIn = useCallback(
    async (body: OfficeSignInBody) => {
      const result = await http({ method: 'POST', path: '/auth/office/sign-in', schema: OfficeSession, body });
      if (!result.ok) return { ok: false as const, code: failureCode(result.failure) };
      saveOfficeSession(sessionStorage, result.value);
      setSession(result.value);
      return { ok: true as const };
    },
    [http],
  );

  return { session, http, signIn, signOut };
}
