import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `pnpm db:backup` writes when neither `--out` nor BACKUP_DIR says otherwise: beside the demo's PGlite data. */
export const defaultBackupDir = fileURLToPath(new URL('../../.data/backups', import.meta.url));

/** A path as the user typed it: pnpm runs a script in its package's folder, so a relative path is taken from where pnpm was started. */
export const fromInvocationDir = (path: string): string => resolve(process.env.INIT_CWD ?? process.cwd(), path);
