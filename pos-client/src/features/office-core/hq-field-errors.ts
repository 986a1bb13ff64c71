import type { HqFailure } from '../../hq/hq-failure';

/** One refused field of a form, by its path in the request body (zod's issue path), e.g. `['tiers', 0, 'minSpendMinor']`. */
export interface HqFieldIssue {
  path: (string | number)[];
  message: string;
}

function isIssue(value: unknown): value is { path: string; message: string } {
  return typeof value === 'object' && value !== null && typeof (value as { path?: unknown }).path === 'string' && typeof (value as { message?: unknown }).message === 'string';
}

/** The fields HQ named in a `VALIDATION_FAILED` answer (`details: [{ path: 'a.0.b', message }]`); none for any other failure. */
export function hqFieldIssues(failure: HqFailure): HqFieldIssue[] {
  if (failure.kind !== 'http' || failure.code !== 'VALIDATION_FAILED' || !Array.isArray(failure.details)) return [];
  return failure.details.filter(isIssue).map((issue) => ({
    path: issue.path === '' ? [] : issue.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    message: issue.message,
  }));
}
