import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Every print and drawer kick, one JSON line each, with the sale or document it was for. */
export type AuditEntry =
  | { action: 'print'; tillId: string; printerId: string; jobId: string; documentId: string; openDrawer: boolean }
  | { action: 'drawer'; tillId: string; printerId: string; saleId: string | null; outcome: 'opened' | 'rate_limited' | 'failed' }
  | { action: 'job'; printerId: string; jobId: string; documentId: string; state: string }
  | { action: 'pair'; tillId: string; name: string };

export interface AuditLog {
  record(entry: AuditEntry): void;
  flushed(): Promise<void>;
}

export function fileAuditLog(file: string, echo: (line: string) => void): AuditLog {
  let chain: Promise<void> = mkdir(dirname(file), { recursive: true }).then(() => undefined);
  return {
    record(entry) {
      const line = JSON.stringify({ at: new Date().toISOString(), ...entry });
      echo(line);
      chain = chain.then(() => appendFile(file, `${line}\n`)).catch((error: unknown) => echo(`audit log write failed: ${String(error)}`));
    },
    flushed: () => chain,
  };
}
