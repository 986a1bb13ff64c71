import { useState } from 'react';
import type { OfficeHttp } from '../office-core/office-http';
import { importPriceCsv, type ImportOutcome } from './price-api';

/** A CSV price list read from a file, sent to HQ, and HQ's answer: imported, or each bad row. */
export function usePriceImport(http: OfficeHttp) {
  const [fileName, setFileName] = useState<string | null>(null);
  const [csv, setCsv] = useState('');
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [busy, setBusy] = useState(false);

  async function chooseFile(file: File | null) {
    setOutcome(null);
    setFileName(file?.name ?? null);
    setCsv(file ? await file.text() : '');
  }

  async function send() {
    if (!csv) return;
    setBusy(true);
    setOutcome(await importPriceCsv(http, csv));
    setBusy(false);
  }

  return { fileName, rows: csv ? csv.trim().split(/\r?\n/).length - 1 : 0, chooseFile, send, outcome, busy };
}
