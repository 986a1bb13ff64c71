import type { LineScope } from '../rule-common.schemas';
import type { RuleContext } from '../define-rule';
import type { BasketLine } from '../promotions.schemas';
import { inMinuteWindow } from '../clock-window';
import type { CompiledRule } from './compile-rules';

/** Whether a rule runs for this store, customer and moment (dates, weekdays, hours, stores, levels). */
export function isRuleActive(rule: CompiledRule, context: RuleContext): boolean {
  const { local, member } = context;
  if (rule.stores && !rule.stores.has(context.storeId)) return false;
  if (rule.levels && (!member || !rule.levels.has(member.levelId))) return false;
  if (rule.from !== null && local.dateTime < rule.from) return false;
  if (rule.to !== null && local.dateTime >= rule.to) return false;
  if (rule.weekdays.length && !rule.weekdays.includes(local.weekday)) return false;
  if (rule.hours.length && !rule.hours.some((window) => inMinuteWindow(local.minuteOfDay, window))) return false;
  return rule.behaviour.isActive?.(context) ?? true;
}

/** Whether a line falls in a scope: any listed product, category (own or ancestor) or brand; an empty scope is every line. */
export function inScope(scope: LineScope, line: BasketLine): boolean {
  const { productIds, categoryIds, brandIds } = scope;
  if (!productIds.length && !categoryIds.length && !brandIds.length) return true;
  if (productIds.includes(line.productId)) return true;
  if (line.brandId !== null && brandIds.includes(line.brandId)) return true;
  if (line.categoryId !== null && categoryIds.includes(line.categoryId)) return true;
  return line.ancestorCategoryIds.some((id) => categoryIds.includes(id));
}
