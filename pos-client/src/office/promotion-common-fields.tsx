import { Combination, type PromotionRule } from '@pos/shared';
import { useI18n } from '../i18n/i18n-context';
import { ClockWindowsField } from './promotion-fields/clock-windows-field';
import { IntegerInput } from './promotion-fields/decimal-input';
import { RuleField } from './promotion-fields/field-problem';
import { LocalDateTimeInput } from './promotion-fields/local-date-time-input';
import { usePromotionForm } from './promotion-fields/promotion-form-context';

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
const toggle = <T,>(list: readonly T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

/** What every promotion has: its name, when it runs, where, for whom, and how it combines with others. */
export function PromotionCommonFields({ rule, onChange }: { rule: PromotionRule; onChange: (rule: PromotionRule) => void }) {
  const { t, pickName } = useI18n();
  const { stores, levels } = usePromotionForm();
  const set = (patch: Partial<PromotionRule>) => onChange({ ...rule, ...patch } as PromotionRule);
  return (
    <>
      <RuleField path="name" label={t('office.promo.name')} grow>
        <input className="office-input" value={rule.name} maxLength={120} placeholder={t('office.promo.namePlaceholder')} onChange={(e) => set({ name: e.target.value })} />
      </RuleField>
      <div className="office-form-row">
        <RuleField path="validFrom" label={t('office.promo.validFrom')}>
          <LocalDateTimeInput value={rule.validFrom} onChange={(validFrom) => set({ validFrom })} />
        </RuleField>
        <RuleField path="validTo" label={t('office.promo.validTo')} hint={t('office.promo.validToHint')}>
          <LocalDateTimeInput value={rule.validTo} onChange={(validTo) => set({ validTo })} />
        </RuleField>
      </div>
      <RuleField path="weekdays" label={t('office.promo.weekdays')} hint={t('office.promo.emptyIsAll')}>
        <div className="office-inline">
          {weekdays.map((d) => (
            <label key={d} className="office-check">
              <input type="checkbox" checked={rule.weekdays.includes(d)} onChange={() => set({ weekdays: toggle(rule.weekdays, d).sort() })} />
              {t(`office.promo.weekday.${d}`)}
            </label>
          ))}
        </div>
      </RuleField>
      <ClockWindowsField path="hours" label={t('office.promo.hours')} value={rule.hours} onChange={(hours) => set({ hours })} />
      <RuleField path="storeIds" label={t('office.promo.stores')} hint={t('office.promo.emptyIsAll')}>
        <div className="office-inline office-wrap">
          {stores.map((s) => (
            <label key={s.id} className="office-check">
              <input type="checkbox" checked={rule.storeIds.includes(s.id)} onChange={() => set({ storeIds: toggle(rule.storeIds, s.id) })} />
              {s.code} {pickName(s)}
            </label>
          ))}
        </div>
      </RuleField>
      <RuleField path="memberLevelIds" label={t('office.promo.levels')} hint={t('office.promo.emptyIsEveryone')}>
        <div className="office-inline office-wrap">
          {levels.map((l) => (
            <label key={l.id} className="office-check">
              <input type="checkbox" checked={rule.memberLevelIds.includes(l.id)} onChange={() => set({ memberLevelIds: toggle(rule.memberLevelIds, l.id) })} />
              {pickName(l)}
            </label>
          ))}
        </div>
      </RuleField>
      <div className="office-form-row">
        <RuleField path="combination" label={t('office.promo.combination')}>
          <select className="office-input" value={rule.combination} onChange={(e) => {
            const combination = Combination.options.find((c) => c === e.target.value) ?? rule.combination;
            set({ combination, group: combination === 'best_of' ? (rule.group ?? '') : null });
          }}>
            {Combination.options.map((c) => <option key={c} value={c}>{t(`office.promo.combination.${c}`)}</option>)}
          </select>
        </RuleField>
        {rule.combination === 'best_of' && (
          <RuleField path="group" label={t('office.promo.group')}>
            <input className="office-input" value={rule.group ?? ''} onChange={(e) => set({ group: e.target.value })} />
          </RuleField>
        )}
        <RuleField path="priority" label={t('office.promo.priority')} hint={t('office.promo.priorityHint')}>
          <IntegerInput value={rule.priority} onChange={(priority) => set({ priority: priority ?? 0 })} />
        </RuleField>
      </div>
    </>
  );
}
