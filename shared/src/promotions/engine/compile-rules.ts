import type { RuleBehaviour } from '../define-rule';
import { toMinuteWindow, type MinuteWindow } from '../clock-window';
import type { Combination } from '../rule-common.schemas';
import type { AdjustmentSource } from './shares';
import { PromotionRule, ruleDefinitions } from '../rule-registry';

export interface CompiledRule {
  /** Order of application: 0 first. Higher priority first, then the smaller rule id. */
  readonly rank: number;
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly combination: Combination;
  readonly group: string | null;
  readonly behaviour: RuleBehaviour;
  readonly source: AdjustmentSource;
  readonly stores: ReadonlySet<string> | null;
  readonly levels: ReadonlySet<string> | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly weekdays: readonly number[];
  readonly hours: readonly MinuteWindow[];
}

/** Rules validated and indexed once; cache it and re-compile only when the rules change. */
export interface CompiledRules {
  readonly rules: readonly CompiledRule[];
  readonly byProduct: ReadonlyMap<string, readonly CompiledRule[]>;
  readonly byCategory: ReadonlyMap<string, readonly CompiledRule[]>;
  readonly byBrand: ReadonlyMap<string, readonly CompiledRule[]>;
  /** Rules whose scope is every line. */
  readonly everyLine: readonly CompiledRule[];
  readonly vouchersByCode: ReadonlyMap<string, readonly CompiledRule[]>;
}

const STAGE_OF: Record<RuleBehaviour['stage'], AdjustmentSource['stage']> = {
  line: 'line',
  group: 'line',
  ticket: 'ticket',
  voucher: 'voucher',
  points: 'line',
};

function localBound(text: string | null, endOfDay: boolean): string | null {
  if (text === null) return null;
  if (text.length === 10) return `${text}T${endOfDay ? '24:00:00' : '00:00:00'}`;
  return text.length === 16 ? `${text}:00` : text;
}

function compileOne(rule: PromotionRule, rank: number): CompiledRule {
  const definition = ruleDefinitions.get(rule.kind);
  if (!definition) throw new Error(`no rule kind ${rule.kind}`);
  const behaviour = definition.behave(definition.args.parse(rule.args));
  return {
    rank,
    id: rule.id,
    name: rule.name,
    kind: rule.kind,
    combination: rule.combination,
    group: rule.group,
    behaviour,
    source: {
      ruleId: rule.id,
      ruleName: rule.name,
      kind: rule.kind,
      stage: STAGE_OF[behaviour.stage],
      exclusive: rule.combination === 'exclusive',
      enteredBy: null,
      reference: null,
    },
    stores: rule.storeIds.length ? new Set(rule.storeIds) : null,
    levels: rule.memberLevelIds.length ? new Set(rule.memberLevelIds) : null,
    from: localBound(rule.validFrom, false),
    to: localBound(rule.validTo, true),
    weekdays: rule.weekdays,
    hours: rule.hours.map(toMinuteWindow),
  };
}

function addTo(index: Map<string, CompiledRule[]>, key: string, rule: CompiledRule): void {
  const list = index.get(key);
  if (list) list.push(rule);
  else index.set(key, [rule]);
}

export function compileRules(rules: readonly PromotionRule[]): CompiledRules {
  const ordered = [...rules].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const compiled = ordered.map(compileOne);
  const byProduct = new Map<string, CompiledRule[]>();
  const byCategory = new Map<string, CompiledRule[]>();
  const byBrand = new Map<string, CompiledRule[]>();
  const vouchersByCode = new Map<string, CompiledRule[]>();
  const everyLine: CompiledRule[] = [];
  for (const rule of compiled) {
    const { behaviour } = rule;
    if (behaviour.stage === 'voucher') {
      for (const code of behaviour.codes) addTo(vouchersByCode, code, rule);
      continue;
    }
    const { productIds, categoryIds, brandIds } = behaviour.scope;
    if (!productIds.length && !categoryIds.length && !brandIds.length) everyLine.push(rule);
    for (const id of productIds) addTo(byProduct, id, rule);
    for (const id of categoryIds) addTo(byCategory, id, rule);
    for (const id of brandIds) addTo(byBrand, id, rule);
  }
  return { rules: compiled, byProduct, byCategory, byBrand, everyLine, vouchersByCode };
}
