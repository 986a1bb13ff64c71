import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { OfficeSession, OfficeSessionState as PrincipalState, type OfficeSignInBody } from '@pos/shared';
import { z } from 'zod';
import { failureCode } from '../../hq/hq-failure';
import { unwrap } from './hq-query';
import { createOfficeHttp, type OfficeHttp } from './office-http';
import { officePrincipalKey, principalRefreshMs, withPrincipal } from './office-principal';
import { clearOfficeSession, loadOfficeSession, saveOfficeSession } from './office-session-store';

export interface OfficeSessionState {
  session: OfficeSession | null;
  http: OfficeHttp;
  signIn: (body: OfficeSignInBody) => Promise<{ ok: true } | { ok: false; code: string }>;
  signOut: () => void;
}

/**
 * The office user's session: signed in with e-mail and password, kept in sessionStorage, dropped
 * when HQ refuses it. Signing out ends it at HQ too, without waiting for HQ to answer. Who the user
 * is and what their role allows is read again from HQ on window focus, every few minutes and after
 * any refusal, so menus and buttons follow a role HQ changes without a new sign-in.
 */
export function useOfficeSession(): OfficeSessionState {
  const queryClient = useQueryClient();
  const [session, setSession] = useState<OfficeSession | null>(() => loadOfficeSession(sessionStorage, new Date()));

  const forget = useCallback(() => {
    clearOfficeSession(sessionStorage);
    setSession(null);
  }, []);

  const http = useMemo(
    () => createOfficeHttp({
      token: () => session?.token ?? null,
      onUnauthenticated: session ? forget : undefined,
      onForbidden: () => void queryClient.invalidateQueries({ queryKey: officePrincipalKey }),
    }),
    [session, forget, queryClient],
  );

  const principal = useQuery({
    queryKey: [...officePrincipalKey, session?.token ?? null],
    queryFn: () => unwrap(http({ method: 'GET', path: '/auth/office/session', schema: PrincipalState })),
    enabled: session !== null,
    staleTime: 0,
    refetchOnWindowFocus: true,
    refetchInterval: principalRefreshMs,
  });

  useEffect(() => {
    if (!session || !principal.data) return;
    const next = withPrincipal(session, principal.data);
    if (next === session) return;
    saveOfficeSession(sessionStorage, next);
    setSession(next);
  }, [principal.data, session]);

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
