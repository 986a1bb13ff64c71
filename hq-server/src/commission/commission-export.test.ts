import type { ClerkStatement } from '@pos/shared';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../imports/read-file';
import { statementWorkbook } from './commission-export';

const statement: ClerkStatement = {
  period: { key: '2026-10', from: '2026-10-01', to: '2026-10-31' },
  clerk: { id: '00000000-0000-4000-8000-000000000001', code: '0013', name: '胡斌', grade: 'C', storeId: '00000000-0000-4000-8000-000000000002' },
  status: 'closed',
  figures: { salesMinor: 7667, personalMinor: 90, clawbackMinor: -13, lateMinor: 0, poolShareMinor: 0, adjustmentMinor: 0, totalMinor: 77 },
  target: { amountMinor: null, reachedBp: null },
  lines: [], clawbacks: [], late: [], poolShares: [], adjustments: [],
  compare: { previous: null, lastYear: null },
};

describe('a clerk’s statement as a workbook', () => {
  it('opens in HQ’s own streaming reader every time, its first sheet the summary in the language asked', async () => {
    for (let i = 0; i < 5; i++) {
      const sheet = await readXlsx(await statementWorkbook(statement, 'zh-CN'));
      expect(sheet.header).toEqual(['结算周期', '工号', '姓名', '状态', '销售额', '销售目标', '目标完成 %', '私拥提成', '退货冲减', '补录销售', '公拥分成', '调整', '合计']);
      expect(sheet.rows[0]!.cells[12]).toBe('0.77');
    }
  });
});
