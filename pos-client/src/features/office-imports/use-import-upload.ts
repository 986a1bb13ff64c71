import type { ImportKind } from '@pos/shared';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { OfficeHttp } from '../office-core/office-http';
import { uploadImport, type UploadOutcome } from './imports-api';

/**
 * The upload of one file: a dry run first; the import itself is offered only once the same
 * file passed its dry run. A new file or kind starts over.
 */
export function useImportUpload(http: OfficeHttp, kind: ImportKind) {
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<UploadOutcome | null>(null);
  const [done, setDone] = useState<UploadOutcome | null>(null);
  const send = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => uploadImport(http, kind, file!, dryRun),
    onSuccess: (outcome, { dryRun }) => (dryRun ? setChecked(outcome) : setDone(outcome)),
  });
  const choose = (next: File | null) => {
    setFile(next);
    setChecked(null);
    setDone(null);
    send.reset();
  };
  const outcome = done ?? checked;
  return {
    file, choose, outcome, error: send.error, busy: send.isPending,
    mayImport: checked?.kind === 'result' && done === null,
    check: () => send.mutate({ dryRun: true }),
    importNow: () => send.mutate({ dryRun: false }),
  };
}
