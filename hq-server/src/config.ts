import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const hqRoot = fileURLToPath(new URL('..', import.meta.url));

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

const ConfigSchema = z.object({
  /**
   * `production` refuses to start without DATABASE_URL (unless ALLOW_EMBEDDED_DATABASE), seeds no demo
   * unless SEED_ON_EMPTY asks, and logs one JSON line per request; `development` (the demo) does none of that.
   */
  POS_MODE: z.enum(['development', 'production'], { message: 'POS_MODE must be development or production' }).default('development'),
  /** 0: a free port the system picks (the address is logged). */
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: 'DATABASE_URL must be a postgres:// URL' }).optional(),
  /** A streaming replica of DATABASE_URL's PostgreSQL that reports read from; writes stay on the primary. */
  REPORTS_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: 'REPORTS_DATABASE_URL must be a postgres:// URL' }).optional(),
  /** Connections this process keeps to DATABASE_URL. Every HQ process's pool together stays below the server's max_connections. */
  DATABASE_POOL_SIZE: z.coerce.number({ message: 'DATABASE_POOL_SIZE must be a number of connections' }).int().min(1, 'DATABASE_POOL_SIZE must be at least 1').max(500).default(10),
  /** Requests this process works on at once; more are answered at once with 503 OVERLOADED and Retry-After. */
  MAX_REQUESTS_IN_FLIGHT: z.coerce.number({ message: 'MAX_REQUESTS_IN_FLIGHT must be a number of requests' }).int().min(1).max(100_000).default(256),
  /** How long a stopping process lets the requests under way finish (it takes no new ones meanwhile). */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number({ message: 'SHUTDOWN_GRACE_SECONDS must be a number of seconds' }).min(0).max(600).default(15),
  PGLITE_DIR: z.string().min(1).default(`${hqRoot}.data/pglite`),
  STATIC_DIR: z.string().min(1).default(`${hqRoot}../pos-client/dist`),
  /** Seed the demo chain into an empty database; by default yes in development, no in production. */
  SEED_ON_EMPTY: flag.optional(),
  /** Production on embedded PGlite, for a single-store trial: it never flushes to disk on commit, so a power cut can lose what was committed. */
  ALLOW_EMBEDDED_DATABASE: flag.default(false),
  /** HQ runs behind a reverse proxy that appends the client's address to X-Forwarded-For; the per-address limits count that address. */
  TRUST_PROXY: flag.default(false),
  /** The bearer token a monitoring system sends for GET /metrics; unset, /metrics is open in development and off in production. */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').regex(/^[\x21-\x7e]+$/, 'METRICS_TOKEN must be printable ASCII without spaces').optional(),
  /** `json`: one JSON object a line, for a log collector; `text`: lines for a person at the console. By default json in production, text in development. */
  LOG_FORMAT: z.enum(['json', 'text'], { message: 'LOG_FORMAT must be json or text' }).optional(),
  /** Which requests get a log line: `all`, or only those answered with an error (4xx, 5xx). By default all in production, failed in development. */
  LOG_REQUESTS: z.enum(['all', 'failed'], { message: 'LOG_REQUESTS must be all or failed' }).optional(),
  OFFICE_SESSION_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  CLERK_SESSION_HOURS: z.coerce.number().positive().max(24).default(12),
  /** Where `db:backup` writes by default and scheduled backups go. */
  BACKUP_DIR: z.string().min(1).optional(),
  /** Back up from inside HQ every so many hours (needs BACKUP_DIR); unset, HQ makes no backups of its own. */
  BACKUP_EVERY_HOURS: z.coerce.number({ message: 'BACKUP_EVERY_HOURS must be a number of hours' })
    .min(0.25, 'BACKUP_EVERY_HOURS must be at least 0.25 (15 minutes)').max(24 * 7, 'BACKUP_EVERY_HOURS must be at most 168 (a week)').optional(),
  BACKUP_KEEP: z.coerce.number().int().min(1, 'BACKUP_KEEP must keep at least 1 backup').max(10_000).default(14),
}).refine((c) => c.REPORTS_DATABASE_URL === undefined || c.DATABASE_URL !== undefined, {
  path: ['REPORTS_DATABASE_URL'],
  message: 'REPORTS_DATABASE_URL names a replica of DATABASE_URL, so DATABASE_URL must be set too',
}).refine((c) => c.BACKUP_EVERY_HOURS === undefined || c.BACKUP_DIR !== undefined, {
  path: ['BACKUP_DIR'],
  message: 'BACKUP_EVERY_HOURS is set, so BACKUP_DIR must name the folder the backups go to',
}).refine((c) => c.POS_MODE !== 'production' || c.DATABASE_URL !== undefined || c.ALLOW_EMBEDDED_DATABASE, {
  path: ['DATABASE_URL'],
  message: 'POS_MODE=production needs DATABASE_URL (a postgres:// URL of the PostgreSQL server HQ keeps its data in). '
    + 'The embedded database does not flush to disk on commit and does not survive a power cut; for a single-store trial only, set ALLOW_EMBEDDED_DATABASE=true',
}).transform((c) => {
  const production = c.POS_MODE === 'production';
  return {
    ...c,
    SEED_ON_EMPTY: c.SEED_ON_EMPTY ?? !production,
    LOG_FORMAT: c.LOG_FORMAT ?? (production ? 'json' : 'text'),
    LOG_REQUESTS: c.LOG_REQUESTS ?? (production ? 'all' : 'failed'),
  } as const;
});

export type Config = z.output<typeof ConfigSchema>;

/** Reads the configuration from the environment; a bad value stops the process with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
  console.error(`Invalid configuration:\n${problems}`);
  process.exit(1);
}
