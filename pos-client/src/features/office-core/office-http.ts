import type { z } from 'zod';
import { ErrorBody } from '@pos/shared';
import type { HqFailure, HqResult } from '../../hq/hq-failure';

export interface OfficeRequest<T> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  schema: z.ZodType<T>;
  body?: unknown;
  /** A body sent as it is, e.g. a CSV or .xlsx file, instead of JSON. */
  text?: { content: string | Blob; type: string };
  /** Read the answer as a file (`Blob`) rather than JSON. */
  as?: 'blob';
}

export interface OfficeHttpOptions {
  /** Empty in the app: HQ serves the office pages on its own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  token: () => string | null;
  /** Called when HQ no longer accepts the session, so the shell can return to sign-in. */
  onUnauthenticated?: () => void;
  /** Called when HQ refuses a call (403): the user's role may have changed since the office last read it. */
  onForbidden?: () => void;
}

export type OfficeHttp = <T>(request: OfficeRequest<T>) => Promise<HqResult<T>>;

/** Calls HQ with the office session token; every answer is parsed with its shared schema and returned as a value. */
export function createOfficeHttp(options: OfficeHttpOptions): OfficeHttp {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  return async function request<T>({ method, path, schema, body, text, as }: OfficeRequest<T>): Promise<HqResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (text) headers['content-type'] = text.type;
    const token = options.token();
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: text ? text.content : body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
        signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
      });
    } catch {
      return { ok: false, failure: { kind: 'unreachable' } };
    }
    const json: unknown = as === 'blob' && response.ok ? await response.blob() : await response.json().catch(() => undefined);
    if (!response.ok) {
      const failure = httpFailure(response.status, json);
      if (response.status === 401) options.onUnauthenticated?.();
      if (response.status === 403) options.onForbidden?.();
      return { ok: false, failure };
    }
    const parsed = schema.safeParse(json);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, failure: { kind: 'invalid-response', status: response.status } };
  };
}

function httpFailure(status: number, json: unknown): HqFailure {
  const error = ErrorBody.safeParse(json);
  if (error.success) {
    const { code, message, details } = error.data.error;
    return { kind: 'http', status, code, message, details };
  }
  const code = status === 401 ? 'UNAUTHENTICATED' : status === 404 ? 'NOT_FOUND' : status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
  return { kind: 'http', status, code, message: `HTTP ${status}`, details: undefined };
}
