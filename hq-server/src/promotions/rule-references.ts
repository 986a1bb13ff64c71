import type { PromotionBody } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { categories, products } from '../catalog/catalog.tables';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { isUuid } from '../ids';
import { stores } from '../org/org.tables';
import { memberLevels } from '../pricing/pricing.tables';

type Entity = 'store' | 'member level' | 'product' | 'category';

interface Reference {
  entity: Entity;
  id: string;
  path: string;
}

/** Which entity a list or field of a rule's arguments names, by its key: wherever it sits (`scope`, `gift`, the arguments themselves). */
const entityOfKey: Record<string, Entity> = { productIds: 'product', productId: 'product', categoryIds: 'category' };

function referencesIn(value: unknown, path: string): Reference[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]): Reference[] => {
    const at = `${path}.${key}`;
    const entity = entityOfKey[key];
    if (entity && Array.isArray(inner)) return inner.map((id, i) => ({ entity, id: String(id), path: `${at}.${i}` }));
    if (entity && typeof inner === 'string') return [{ entity, id: inner, path: at }];
    return referencesIn(inner, at);
  });
}

function referencesOf(rule: PromotionBody['rule']): Reference[] {
  return [
    ...rule.storeIds.map((id, i) => ({ entity: 'store' as const, id, path: `rule.storeIds.${i}` })),
    ...rule.memberLevelIds.map((id, i) => ({ entity: 'member level' as const, id, path: `rule.memberLevelIds.${i}` })),
    ...referencesIn(rule.args, 'rule.args'),
  ];
}

const tableOf = { store: stores, 'member level': memberLevels, product: products, category: categories } as const;

async function knownIds(db: Db, chainId: string, entity: Entity, ids: string[]): Promise<string[]> {
  const wanted = [...new Set(ids.filter(isUuid))];
  if (wanted.length === 0) return [];
  const table = tableOf[entity];
  const rows = await db.select({ id: table.id }).from(table).where(and(eq(table.chainId, chainId), inArray(table.id, wanted)));
  return rows.map((r) => r.id);
}

/**
 * Every store, member level, product and category a rule names (gift items and line scopes
 * included) must be the chain's own; each unknown one is reported at its path.
 */
export async function checkReferences(db: Db, chainId: string, rule: PromotionBody['rule']): Promise<void> {
  const references = referencesOf(rule);
  const entities = Object.keys(tableOf) as Entity[];
  const known = await Promise.all(entities.map((entity) => knownIds(db, chainId, entity, references.filter((r) => r.entity === entity).map((r) => r.id))));
  const knownSet = new Set(entities.flatMap((entity, i) => known[i]!.map((id) => `${entity} ${id}`)));
  const problems = references.filter((r) => !knownSet.has(`${r.entity} ${r.id}`)).map((r) => ({ path: r.path, message: `no ${r.entity} ${r.id}` }));
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'invalid request body', problems);
}
