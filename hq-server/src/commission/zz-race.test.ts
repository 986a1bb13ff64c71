import { it } from 'vitest';
import { readXlsx } from '../imports/read-file';
import { statementWorkbook } from './commission-export';
const statement = {
  period: { key: '2026-10', from: '2026-10-01', to: '2026-10-31' },
  clerk: { id: '00000000-0000-4000-8000-000000000001', code: '0013', name: '胡斌', grade: 'C', storeId: '00000000-0000-4000-8000-000000000002' },
  status: 'closed',
  figures: { salesMinor: 7667, personalMinor: 90, clawbackMinor: -13, lateMinor: 0, poolShareMinor: 0, adjustmentMinor: 0, totalMinor: 77 },
  target: { amountMinor: null, reachedBp: null },
  lines: [], clawbacks: [], late: [], poolShares: [], adjustments: [],
  compare: { previous: null, lastYear: null },
} as never;
it('race', async () => {
  const bytes = await statementWorkbook(statement, 'zh-CN');
  let ok = 0, bad = 0; const errs = new Set<string>();
  for (let i = 0; i < 300; i++) {
    try { const t = await readXlsx(bytes); if (t.header.length === 13) ok++; else { bad++; errs.add('short ' + t.header.length); } } catch (e) { bad++; errs.add(String(e)); }
    if (i % 3 === 0) await new Promise((r) => setTimeout(r, 1));
  }
  console.log({ ok, bad, errs: [...errs] });
}, 120000);
