import { describe, expect, it } from 'vitest';
import { createLogger, lineLogger, type LogLevel } from './logger';

const at = () => new Date('2026-11-22T04:00:00Z');

function capture() {
  const lines: { line: string; level: LogLevel }[] = [];
  return { lines, write: (line: string, level: LogLevel) => void lines.push({ line, level }) };
}

describe('the logger', () => {
  it('writes one JSON object a line, without the console’s tag, secrets redacted', () => {
    const { lines, write } = capture();
    createLogger('json', { write, clock: at }).info('[hq] signed in', { email: 'hq@demo.pos', password: 'demo1234', card: '6222021234567890' });
    expect(lines).toEqual([{ level: 'info', line: '{"time":"2026-11-22T04:00:00.000Z","level":"info","msg":"signed in","email":"hq@demo.pos","password":"[redacted]","card":"************7890"}' }]);
  });

  it('writes readable lines in text form, tagged once', () => {
    const { lines, write } = capture();
    const logger = createLogger('text', { write, clock: at });
    logger.warn('request', { status: 401, route: '/auth/clerk/sign-in', pin: '1234' });
    logger.info('[hq] backup written');
    expect(lines.map((l) => l.line)).toEqual(['[hq] request status=401 route=/auth/clerk/sign-in pin=[redacted]', '[hq] backup written']);
  });

  it('logs a scheduled job’s FAILED line as an error', () => {
    const { lines, write } = capture();
    const log = lineLogger(createLogger('json', { write, clock: at }));
    log('[hq] points expiry FAILED (will try again in an hour): boom');
    log('[hq] commission: worked out 3 store periods');
    expect(lines.map((l) => l.level)).toEqual(['error', 'info']);
  });
});
