import { Checkbox, Input, Select } from 'antd';
import { Combination, type PromotionRule } from '@pos/shared';
import { useI18n } from '../i18n/i18n-context';
import { ClockWindowsField } from './promotion-fields/clock-windows-field';
import { IntegerInput } from './promotion-fields/decimal-input';
import { RuleField } from './promotion-fields/field-problem';
import { LocalDateTimeInput } from './promotion-fields/local-date-time-input';
import { usePromotionForm } from './promotion-fields/promotion-form-context';

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** What every promotion has: its name, when it runs, where, for whom, and how it combines with others. */
export function PromotionCommonFields({ rule, onChange }: { rule: PromotionRule; onChange: (rule: PromotionRule) => void }) {
  const { t, pickName } = useI18n();
  const { stores, levels } = usePromotionForm();
  const set = (patch: Partial<PromotionRule>) => onChange({ ...rule, ...patch } as PromotionRule);
  return (
    <>
      <RuleField path="name" label={t('office.promo.name')} grow>
        <Input id="promo-name" value={rule.name} maxLength={120} placeholder={t('office.promo.namePlaceholder')} onChange={(e) => set({ name: e.target.value })} />
      </RuleField>
      <div className="office-form-row">
        <RuleField path="validFrom" label={t('office.promo.validFrom')}>
          <LocalDateTimeInput label={t('office.promo.validFrom')} value={rule.validFrom} onChange={(validFrom) => set({ validFrom })} />
        </RuleField>
        <RuleField path="validTo" label={t('office.promo.validTo')} hint={t('office.promo.validToHint')}>
          <LocalDateTimeInput label={t('office.promo.validTo')} value={rule.validTo} onChange={(validTo) => set({ validTo })} />
        </RuleField>
      </div>
      <RuleField path="weekdays" label={t('office.promo.weekdays')} hint={t('office.promo.emptyIsAll')} group>
        <Checkbox.Group
          value={rule.weekdays}
          options={weekdays.map((d) => ({ value: d, label: t(`office.promo.weekday.${d}`) }))}
          onChange={(days) => set({ weekdays: weekdays.filter((d) => days.includes(d)) })}
        />
      </RuleField>
      <ClockWindowsField path="hours" label={t('office.promo.hours')} value={rule.hours} onChange={(hours) => set({ hours })} />
      <RuleField path="storeIds" label={t('office.promo.stores')} hint={t('office.promo.emptyIsAll')} group>
        <Checkbox.Group value={rule.storeIds} options={stores.map((s) => ({ value: s.id, label: `${s.code} ${pickName(s)}` }))} onChange={(storeIds) => set({ storeIds })} />
      </RuleField>
      <RuleField path="memberLevelIds" label={t('office.promo.levels')} hint={t('office.promo.emptyIsEveryone')} group>
        <Checkbox.Group value={rule.memberLevelIds} options={levels.map((l) => ({ value: l.id, label: pickName(l) }))} onChange={(memberLevelIds) => set({ memberLevelIds })} />
      </RuleField>
      <div className="office-form-row">
        <RuleField path="combination" label={t('office.promo.combination')}>
          <Select
            id="promo-combination"
            className="office-select-wide"
            value={rule.combination}
            options={Combination.options.map((c) => ({ value: c, label: t(`office.promo.combination.${c}`) }))}
            onChange={(combination) => set({ combination, group: combination === 'best_of' ? (rule.group ?? '') : null })}
          />
        </RuleField>
        {rule.combination === 'best_of' && (
          <RuleField path="group" label={t('office.promo.group')}>
            <Input id="promo-group" value={rule.group ?? ''} onChange={(e) => set({ group: e.target.value })} />
          </RuleField>
        )}
        <RuleField path="priority" label={t('office.promo.priority')} hint={t('office.promo.priorityHint')}>
          <IntegerInput value={rule.priority} onChange={(priority) => set({ priority: priority ?? 0 })} />
        </RuleField>
      </div>
    </>
  );
}
