import type { RoundingPolicy } from '@pos/shared';
import { formatMoneyText } from '../features/office-core/format-amount';
import { roundingExamples } from '../features/office-settings/rounding-example';
import { problemAt, type SettingsProblem } from '../features/office-settings/settings-problems';
import { useI18n } from '../i18n/i18n-context';
import { useSettingsProblemText } from './settings-problem-text';

const units: RoundingPolicy['unitMinor'][] = [1, 10, 100];
const modes: RoundingPolicy['mode'][] = ['half_up', 'down'];

interface Props {
  value: RoundingPolicy;
  problems: SettingsProblem[];
  onChange: (value: RoundingPolicy) => void;
}

/** 抹零: the unit a cash total is rounded to and how, with what two totals would then be paid. */
export function CashRoundingCard({ value, problems, onChange }: Props) {
  const { t } = useI18n();
  const problemText = useSettingsProblemText();
  const problem = problemAt(problems, 'cashRounding');
  const unitLabel = (unit: RoundingPolicy['unitMinor']) =>
    unit === 1 ? t('office.settings.rounding.none') : t(unit === 10 ? 'office.settings.rounding.toJiao' : 'office.settings.rounding.toYuan', { amount: formatMoneyText(unit) });
  return (
    <div className="office-card office-form">
      <div>
        <h2>{t('office.settings.rounding.title')}</h2>
        <p className="office-muted">{t('office.settings.rounding.hint')}</p>
      </div>
      <div className="office-form-row">
        <div className="office-field">
          <span>{t('office.settings.rounding.unit')}</span>
          <div className="office-segmented" role="group" aria-label={t('office.settings.rounding.unit')}>
            {units.map((unit) => (
              <button key={unit} type="button" aria-pressed={value.unitMinor === unit} onClick={() => onChange({ ...value, unitMinor: unit })}>
                {unitLabel(unit)}
              </button>
            ))}
          </div>
        </div>
        <div className="office-field">
          <span>{t('office.settings.rounding.mode')}</span>
          <div className="office-segmented" role="group" aria-label={t('office.settings.rounding.mode')}>
            {modes.map((mode) => (
              <button key={mode} type="button" aria-pressed={value.mode === mode} disabled={value.unitMinor === 1} onClick={() => onChange({ ...value, mode })}>
                {t(`office.settings.rounding.mode.${mode}`)}
              </button>
            ))}
          </div>
        </div>
      </div>
      {problem && <span className="office-field-error">{problemText(problem)}</span>}
      <p className="office-example" data-testid="rounding-example">
        <span>{t('office.settings.rounding.example')}</span>
        {roundingExamples(value).map((e) => (
          <span key={e.totalMinor} className="num">{formatMoneyText(e.totalMinor)} → {formatMoneyText(e.paidMinor)}</span>
        ))}
      </p>
    </div>
  );
}
