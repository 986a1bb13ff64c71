/**
 * Why a call to HQ did not give an answer the till can use. Business failures (`http`) carry
 * HQ's stable error code; the UI turns codes into words.
 */
export type HqFailure =
  | { kind: 'unreachable' }
  | { kind: 'http'; status: number; code: string; message: string; details: unknown }
  | { kind: 'invalid-response'; status: number };

export type HqResult<T> = { ok: true; value: T } | { ok: false; failure: HqFailure };

/** Server errors and gateway failures mean HQ cannot serve us now, the same as no network. */
export function isUnreachable(failure: HqFailure): boolean {
  return failure.kind === 'unreachable' || (failure.kind === 'http' && failure.status >= 500);
}

/** The error code a screen shows for a failure. */
export function failureCode(failure: HqFailure): string {
  switch (failure.kind) {
    case 'unreachable':
      return 'HQ_UNREACHABLE';
    case 'invalid-response':
      return 'HQ_INVALID_RESPONSE';
    case 'http':
      return failure.status >= 500 ? 'HQ_UNREACHABLE' : failure.code;
  }
}
