import type { ClockWindow } from '@pos/shared';
import { useI18n } from '../../i18n/i18n-context';
import { RuleField } from './field-problem';

/** Daily time windows; a window whose end is before its start runs past midnight. */
export function ClockWindowsField({ path, label, value, onChange }: { path: string; label: string; value: ClockWindow[]; onChange: (windows: ClockWindow[]) => void }) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<ClockWindow>) => onChange(value.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  return (
    <RuleField path={path} label={label}>
      <div className="office-rows">
        {value.map((w, i) => (
          <div key={i} className="office-inline">
            <input className="office-input" type="time" value={w.from} onChange={(e) => set(i, { from: e.target.value })} />
            <span>–</span>
            <input className="office-input" type="time" value={w.to} onChange={(e) => set(i, { to: e.target.value })} />
            <button type="button" className="office-link" onClick={() => onChange(value.filter((_, j) => j !== i))}>{t('office.promo.remove')}</button>
          </div>
        ))}
        <button type="button" className="office-link" onClick={() => onChange([...value, { from: '09:00', to: '11:00' }])}>{t('office.promo.addWindow')}</button>
      </div>
    </RuleField>
  );
}
