import { ProductAttributeName, type ProductAttributeNames } from '@pos/shared';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { chainSettings } from '../org/org.tables';

/** What is stored, read leniently: an entry that is not a named slot is left out. */
const stored = z.array(z.unknown()).catch([]);

export async function getAttributeNames(db: Db, chainId: string): Promise<ProductAttributeNames> {
  const [row] = await db.select({ names: chainSettings.productAttributeNames }).from(chainSettings).where(eq(chainSettings.chainId, chainId));
  const attributes = stored.parse(row?.names ?? []).flatMap((entry) => {
    const name = ProductAttributeName.safeParse(entry);
    return name.success ? [name.data] : [];
  });
  return { attributes: attributes.sort((a, b) => a.slot - b.slot) };
}

/** Names the chain's six custom attributes (HQ); products keep their values when a slot is renamed or left unused. */
export async function setAttributeNames({ db, clock }: Deps, principal: Principal, body: ProductAttributeNames): Promise<ProductAttributeNames> {
  const before = await getAttributeNames(db, principal.chainId);
  const after = { attributes: [...body.attributes].sort((a, b) => a.slot - b.slot) };
  await db.transaction(async (tx) => {
    const now = clock();
    await tx.insert(chainSettings).values({ chainId: principal.chainId, productAttributeNames: after.attributes, updatedAt: now })
      .onConflictDoUpdate({ target: chainSettings.chainId, set: { productAttributeNames: after.attributes, updatedAt: now } });
    await recordAudit(tx, principal, clock, { entity: 'product_attribute_names', entityId: principal.chainId, action: 'update', before, after });
  });
  return after;
}
