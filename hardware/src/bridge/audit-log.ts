import { basename, dirname } from 'node:path';
import { createStream } from 'rotating-file-stream';

/** Every print and drawer kick, one JSON line each, with the sale or document it was for. */
export type AuditEntry =
  | { action: 'print'; tillId: string; printerId: string; jobId: string; documentId: string; openDrawer: boolean }
  | { action: 'drawer'; tillId: string; printerId: string; saleId: string | null; outcome: 'opened' | 'rate_limited' | 'failed' }
  | { action: 'job'; printerId: string; jobId: string; documentId: string; state: string }
  | { action: 'pair'; tillId: string; name: string };

export interface AuditLog {
  record(entry: AuditEntry): void;
  /** Waits for the lines recorded so far to be written, and closes the file. */
  close(): Promise<void>;
}

/** `audit.log` is renamed `audit.log.1` when it passes `size` (the older ones move up), and `keep` old files are kept. */
export interface AuditRotation {
  size: `${number}${'K' | 'M'}`;
  keep: number;
}

/** A busy till writes about 1 MB a day: 10 files of 10 MB hold months of prints. */
export const AUDIT_ROTATION: AuditRotation = { size: '10M', keep: 10 };

/**
 * The audit log, rotated by size with rotating-file-stream (the UNIX logrotate scheme), so
 * that it stays bounded on a till PC that nobody looks after; the console copy goes to the
 * journal (Linux) or to the service's rolled log (Windows).
 */
export function fileAuditLog(file: string, echo: (line: string) => void, rotation: AuditRotation = AUDIT_ROTATION): AuditLog {
  const name = basename(file);
  const stream = createStream((index: number | Date) => (typeof index === 'number' ? `${name}.${index}` : name), {
    path: dirname(file),
    size: rotation.size,
    rotate: rotation.keep,
    mode: 0o600,
  });
  stream.on('error', (error) => echo(`audit log write failed: ${String(error)}`));
  return {
    record(entry) {
      const line = JSON.stringify({ at: new Date().toISOString(), ...entry });
      echo(line);
      stream.write(`${line}\n`);
    },
    close: () => new Promise<void>((resolve) => stream.end(() => resolve())),
  };
}
