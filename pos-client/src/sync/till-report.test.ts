import { TILL_REPORT_MAX_REJECTED, TillReport } from '@pos/shared';
import { describe, expect, it } from 'vitest';
import { syncErrorOf, tillReportOf } from './till-report';

const at = '2026-11-22T04:00:00.000Z';

describe('tillReportOf', () => {
  it('gives what waits, the oldest instant, the rejected ids (at most the cap) and the version, as HQ validates it', () => {
    const rejected = Array.from({ length: TILL_REPORT_MAX_REJECTED + 5 }, (_, i) => ({ id: `0195505c-0000-7000-8000-${String(i).padStart(12, '0')}` }));
    const report = tillReportOf({ waiting: 50, oldestWaiting: { createdAt: at }, rejected, rejectedCount: rejected.length, cursor: 1234, lastError: null, version: '1.0.0' });
    expect(report).toMatchObject({ waitingCount: 50, oldestWaitingAt: at, rejectedCount: TILL_REPORT_MAX_REJECTED + 5, cursor: 1234, appVersion: '1.0.0' });
    expect(report.rejectedIds).toHaveLength(TILL_REPORT_MAX_REJECTED);
    expect(TillReport.safeParse(report).success).toBe(true);
  });

  it('says no oldest document when nothing waits', () => {
    expect(tillReportOf({ waiting: 0, oldestWaiting: undefined, rejected: [], rejectedCount: 0, cursor: 0, lastError: null, version: '1.0.0' }).oldestWaitingAt).toBeNull();
  });
});

describe('syncErrorOf', () => {
  it('keeps the code and a message HQ takes: no control characters, at most 300 characters', () => {
    const error = syncErrorOf({ kind: 'http', status: 400, code: 'VALIDATION_FAILED', message: `bad\u0007${'x'.repeat(400)}`, details: undefined }, at);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toHaveLength(300);
    expect(error.message).not.toContain('\u0007');
    expect(syncErrorOf({ kind: 'unreachable' }, at)).toEqual({ code: 'HQ_UNREACHABLE', message: 'HQ could not be reached', at });
    expect(TillReport.shape.lastError.safeParse(error).success).toBe(true);
  });
});
