import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const hqRoot = fileURLToPath(new URL('..', import.meta.url));

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: 'DATABASE_URL must be a postgres:// URL' }).optional(),
  /** A streaming replica of DATABASE_URL's PostgreSQL that reports read from; writes stay on the primary. */
  REPORTS_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: 'REPORTS_DATABASE_URL must be a postgres:// URL' }).optional(),
  PGLITE_DIR: z.string().min(1).default(`${hqRoot}.data/pglite`),
  STATIC_DIR: z.string().min(1).default(`${hqRoot}../pos-client/dist`),
  SEED_ON_EMPTY: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
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
});

export type Config = z.infer<typeof ConfigSchema>;

/** Reads the configuration from the environment; a bad value stops the process with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
  console.error(`Invalid configuration:\n${problems}`);
  process.exit(1);
}
