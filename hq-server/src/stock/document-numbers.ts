import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { documentNumbers } from './distribution.tables';

/**
 * The letter that starts each kind of the chain's stock documents: requisition, allocation,
 * shipment, transfer, count, goods receipt, supplier return, purchase order; and of its franchise
 * statements (`F`, settlement).
 */
export type DocumentKind = 'R' | 'A' | 'S' | 'T' | 'C' | 'G' | 'V' | 'P' | 'F';

/** The next number of a kind of the chain's documents (`R000001`), counted in the writing transaction so two writers never share one. */
export async function nextNo(tx: Db, chainId: string, kind: DocumentKind): Promise<string> {
  const [row] = await tx.insert(documentNumbers).values({ chainId, kind, last: 1 })
    .onConflictDoUpdate({ target: [documentNumbers.chainId, documentNumbers.kind], set: { last: sql`${documentNumbers.last} + 1` } })
    .returning({ last: documentNumbers.last });
  return `${kind}${String(row!.last).padStart(6, '0')}`;
}
