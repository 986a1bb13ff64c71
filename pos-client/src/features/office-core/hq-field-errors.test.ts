import { describe, expect, it } from 'vitest';
import { hqFieldIssues } from './hq-field-errors';

describe('HQ field issues', () => {
  it('reads zod issue paths with list indexes as numbers', () => {
    const failure = { kind: 'http' as const, status: 400, code: 'VALIDATION_FAILED', message: 'invalid body', details: [{ path: 'rule.tiers.0.minSpendMinor', message: 'Too small' }, { path: '', message: 'Bad' }, { nonsense: 1 }] };
    expect(hqFieldIssues(failure)).toEqual([
      { path: ['rule', 'tiers', 0, 'minSpendMinor'], message: 'Too small' },
      { path: [], message: 'Bad' },
    ]);
  });

  it('names no field for other failures', () => {
    expect(hqFieldIssues({ kind: 'unreachable' })).toEqual([]);
    expect(hqFieldIssues({ kind: 'http', status: 409, code: 'CONFLICT', message: 'x', details: [{ path: 'a', message: 'b' }] })).toEqual([]);
  });
});
