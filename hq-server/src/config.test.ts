import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from './config';

afterEach(() => vi.restoreAllMocks());

/** Runs loadConfig on an environment and answers what it printed when it refused it. */
function refusal(env: NodeJS.ProcessEnv): string {
  const printed: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((line: string) => void printed.push(line));
  vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
    throw new Error(`exit ${code}`);
  }) as typeof process.exit);
  expect(() => loadConfig(env)).toThrow('exit 1');
  return printed.join('\n');
}

describe('backup settings', () => {
  it('makes no scheduled backups unless asked, and keeps 14 when asked', () => {
    const plain = loadConfig({});
    expect([plain.BACKUP_DIR, plain.BACKUP_EVERY_HOURS, plain.BACKUP_KEEP]).toEqual([undefined, undefined, 14]);
    expect(loadConfig({ BACKUP_DIR: '/var/backups/pos', BACKUP_EVERY_HOURS: '6', BACKUP_KEEP: '28' })).toMatchObject({
      BACKUP_DIR: '/var/backups/pos', BACKUP_EVERY_HOURS: 6, BACKUP_KEEP: 28,
    });
  });

  it('never starts with a schedule that has no folder or a nonsense interval', () => {
    expect(refusal({ BACKUP_EVERY_HOURS: '6' })).toContain('BACKUP_DIR: BACKUP_EVERY_HOURS is set, so BACKUP_DIR must name the folder');
    expect(refusal({ BACKUP_DIR: '/b', BACKUP_EVERY_HOURS: 'daily' })).toContain('BACKUP_EVERY_HOURS: BACKUP_EVERY_HOURS must be a number of hours');
    expect(refusal({ BACKUP_DIR: '/b', BACKUP_EVERY_HOURS: '0' })).toContain('at least 0.25');
    expect(refusal({ BACKUP_DIR: '/b', BACKUP_KEEP: '0' })).toContain('BACKUP_KEEP must keep at least 1 backup');
  });
});

describe('the reports replica', () => {
  it('reads reports from the main database unless REPORTS_DATABASE_URL names a replica', () => {
    expect(loadConfig({}).REPORTS_DATABASE_URL).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: 'postgresql://hq@db-primary/pos', REPORTS_DATABASE_URL: 'postgresql://reports@db-replica/pos' })).toMatchObject({
      DATABASE_URL: 'postgresql://hq@db-primary/pos', REPORTS_DATABASE_URL: 'postgresql://reports@db-replica/pos',
    });
  });

  it('never starts with a replica URL that is not PostgreSQL’s, or a replica without its primary', () => {
    expect(refusal({ DATABASE_URL: 'postgresql://hq@db/pos', REPORTS_DATABASE_URL: 'mysql://db-replica/pos' })).toContain('REPORTS_DATABASE_URL: REPORTS_DATABASE_URL must be a postgres:// URL');
    expect(refusal({ DATABASE_URL: 'postgresql://hq@db/pos', REPORTS_DATABASE_URL: 'db-replica' })).toContain('REPORTS_DATABASE_URL must be a postgres:// URL');
    expect(refusal({ REPORTS_DATABASE_URL: 'postgresql://reports@db-replica/pos' })).toContain('REPORTS_DATABASE_URL: REPORTS_DATABASE_URL names a replica of DATABASE_URL, so DATABASE_URL must be set too');
  });
});

describe('production mode', () => {
  it('is development unless POS_MODE says production, seeding the demo and logging failed requests as text', () => {
    expect(loadConfig({})).toMatchObject({ POS_MODE: 'development', SEED_ON_EMPTY: true, LOG_FORMAT: 'text', LOG_REQUESTS: 'failed', ALLOW_EMBEDDED_DATABASE: false });
  });

  it('in production seeds nothing unless asked and logs every request as JSON', () => {
    const production = { POS_MODE: 'production', DATABASE_URL: 'postgresql://hq@db/pos' };
    expect(loadConfig(production)).toMatchObject({ SEED_ON_EMPTY: false, LOG_FORMAT: 'json', LOG_REQUESTS: 'all' });
    expect(loadConfig({ ...production, SEED_ON_EMPTY: 'true', LOG_FORMAT: 'text', LOG_REQUESTS: 'failed' })).toMatchObject({ SEED_ON_EMPTY: true, LOG_FORMAT: 'text', LOG_REQUESTS: 'failed' });
  });

  it('refuses production without DATABASE_URL, saying why, unless the embedded database is allowed for a trial', () => {
    const said = refusal({ POS_MODE: 'production' });
    expect(said).toContain('DATABASE_URL: POS_MODE=production needs DATABASE_URL');
    expect(said).toContain('does not flush to disk on commit');
    expect(said).toContain('ALLOW_EMBEDDED_DATABASE=true');
    expect(loadConfig({ POS_MODE: 'production', ALLOW_EMBEDDED_DATABASE: 'true' })).toMatchObject({ POS_MODE: 'production', ALLOW_EMBEDDED_DATABASE: true });
  });

  it('never starts with an unknown mode, a short metrics token or an unknown log format', () => {
    expect(refusal({ POS_MODE: 'prod' })).toContain('POS_MODE must be development or production');
    expect(refusal({ METRICS_TOKEN: 'short' })).toContain('METRICS_TOKEN must be at least 16 characters');
    expect(refusal({ METRICS_TOKEN: 'a token with spaces in it' })).toContain('printable ASCII without spaces');
    expect(refusal({ LOG_FORMAT: 'xml' })).toContain('LOG_FORMAT must be json or text');
    expect(refusal({ ALLOW_EMBEDDED_DATABASE: 'yes' })).toContain('ALLOW_EMBEDDED_DATABASE');
  });
});
