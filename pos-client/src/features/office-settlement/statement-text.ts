import type { FranchiseStatement, StatementLine } from '@pos/shared';
import type { MessageKey } from '../../i18n/messages-en';
import { formatMoneyText } from '../office-core/format-amount';

/** A message and its values: what the screen says of a line, in the user's language. */
export interface Words {
  key: MessageKey;
  params: Record<string, string>;
}

const percent = (bp: number | null) => ((bp ?? 0) / 100).toFixed(2);

/** What a statement line is, in words: the royalty with its rate and base, a document's goods, a stored-value figure, a late figure, HQ's fee or adjustment. */
export function lineWords(line: StatementLine, storeName: (id: string | null) => string): Words {
  const base = formatMoneyText(line.baseMinor ?? 0);
  switch (line.kind) {
    case 'royalty':
      return { key: 'office.settlement.line.royalty', params: { rate: percent(line.rateBp), base } };
    case 'goods_supplied':
      return line.otherStoreId
        ? { key: 'office.settlement.line.transferIn', params: { store: storeName(line.otherStoreId) } }
        : { key: 'office.settlement.line.shipment', params: {} };
    case 'goods_returned':
      return { key: 'office.settlement.line.transferOut', params: { store: storeName(line.otherStoreId) } };
    case 'stored_value':
      return { key: `office.settlement.line.${line.figure ?? 'stored_value_topped_up'}` as MessageKey, params: {} };
    case 'late':
      return { key: `office.settlement.late.${line.figure ?? 'net_sales'}` as MessageKey, params: { period: line.periodKey ?? '', rate: percent(line.rateBp), base } };
    case 'fee':
    case 'adjustment':
      return { key: `office.settlement.line.${line.kind}`, params: { reason: line.reason ?? '' } };
  }
}

/** Who owes whom, in words: the franchisee pays HQ, HQ pays the franchisee, or nothing is owed. */
export function netWords(statement: Pick<FranchiseStatement, 'netMinor' | 'franchisee'>): Words {
  const amount = formatMoneyText(Math.abs(statement.netMinor));
  const name = statement.franchisee.name;
  if (statement.netMinor > 0) return { key: 'office.settlement.net.franchiseePays', params: { name, amount } };
  if (statement.netMinor < 0) return { key: 'office.settlement.net.hqPays', params: { name, amount } };
  return { key: 'office.settlement.net.even', params: { name } };
}
