import { randomBytes } from 'node:crypto';
import { categories, products } from '@pos/hq-server/catalog/catalog.tables';
import { MemberLevel, MemberRecord, PricingSettings, Promotion, uuidv7, type PromotionBody, type RoundingPolicy } from '@pos/shared';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { bearer, json, type Fixture } from './fixture';

type RuleInput = z.input<typeof PromotionBody>['rule'];
type Kind = RuleInput['kind'];
export type ArgsOf<K extends Kind> = Extract<RuleInput, { kind: K }>['args'];

export const newUuid = () => uuidv7(Date.now(), randomBytes(10));
export const every = { productIds: [] as string[], categoryIds: [] as string[], brandIds: [] as string[] };

/** A rule with every common field at "no restriction", overridable. */
export function ruleOf<K extends Kind>(kind: K, name: string, args: ArgsOf<K>, common: Partial<Omit<RuleInput, 'kind' | 'args'>> = {}): RuleInput {
  return {
    id: newUuid(), name, priority: 0, combination: 'stackable', group: null, validFrom: null, validTo: null,
    weekdays: [], hours: [], storeIds: [], memberLevelIds: [], ...common, kind, args,
  } as RuleInput;
}

export async function createPromotion(f: Fixture, token: string, rule: RuleInput, status: 'draft' | 'active' | 'paused' = 'active'): Promise<Promotion> {
  const res = await f.app.request('/promotions', json({ status, rule }, token));
  if (res.status !== 201) throw new Error(`promotion refused: ${res.status} ${await res.text()}`);
  return Promotion.parse(await res.json());
}

export async function createMemberLevel(f: Fixture, token: string, code: string): Promise<MemberLevel> {
  const res = await f.app.request('/pricing/member-levels', json({ code, nameZh: code, nameEn: code }, token));
  if (res.status !== 201) throw new Error(`member level refused: ${res.status} ${await res.text()}`);
  return MemberLevel.parse(await res.json());
}

/** Enrols a member at a level, returning the member's id. */
export async function enrolMember(f: Fixture, token: string, cardNo: string, levelId: string): Promise<string> {
  const res = await f.app.request('/members', json({ cardNo, name: `会员 ${cardNo}`, phone: null, levelId, birthday: null }, token));
  if (res.status !== 201) throw new Error(`member refused: ${res.status} ${await res.text()}`);
  return MemberRecord.parse(await res.json()).id;
}

/** Sets the chain's cash rounding through HQ's API, keeping its scale layouts. */
export async function setCashRounding(f: Fixture, token: string, cashRounding: RoundingPolicy): Promise<void> {
  const current = PricingSettings.parse(await (await f.app.request('/settings/pricing', bearer(token))).json());
  const res = await f.app.request('/settings/pricing', { ...json({ ...current, cashRounding }, token), method: 'PUT' });
  if (res.status !== 200) throw new Error(`settings refused: ${res.status} ${await res.text()}`);
}

/** The demo catalog's category tree and products with their category and brand, for building rules. */
export async function catalogFacts(f: Fixture) {
  const categoryRows = await f.deps.db.select().from(categories).where(eq(categories.chainId, f.chainId));
  const productRows = await f.deps.db.select().from(products).where(eq(products.chainId, f.chainId)).orderBy(products.sku);
  return {
    parents: categoryRows.filter((c) => c.parentId === null),
    children: categoryRows.filter((c) => c.parentId !== null),
    products: productRows,
    brands: [...new Set(productRows.map((p) => p.brandId).filter((b): b is string => b !== null))].sort(),
  };
}
