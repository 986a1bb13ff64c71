import { Card, Flex, Radio, Typography } from 'antd';
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
    <Card title={<Typography.Title level={2}>{t('office.settings.rounding.title')}</Typography.Title>}>
      <Typography.Paragraph type="secondary">{t('office.settings.rounding.hint')}</Typography.Paragraph>
      <Flex wrap gap={24}>
        <div className="office-field">
          <span id="rounding-unit">{t('office.settings.rounding.unit')}</span>
          <Radio.Group
            aria-labelledby="rounding-unit"
            optionType="button"
            value={value.unitMinor}
            options={units.map((unit) => ({ value: unit, label: unitLabel(unit) }))}
            onChange={(e) => onChange({ ...value, unitMinor: units.find((u) => u === e.target.value) ?? 1 })}
          />
        </div>
        <div className="office-field">
          <span id="rounding-mode">{t('office.settings.rounding.mode')}</span>
          <Radio.Group
            aria-labelledby="rounding-mode"
            optionType="button"
            value={value.mode}
            disabled={value.unitMinor === 1}
            options={modes.map((mode) => ({ value: mode, label: t(`office.settings.rounding.mode.${mode}`) }))}
            onChange={(e) => onChange({ ...value, mode: e.target.value === 'down' ? 'down' : 'half_up' })}
          />
        </div>
      </Flex>
      {problem && <Typography.Text type="danger" className="office-field-error">{problemText(problem)}</Typography.Text>}
      <p className="office-example" data-testid="rounding-example">
        <span>{t('office.settings.rounding.example')}</span>
        {roundingExamples(value).map((e) => (
          <span key={e.totalMinor} className="num">{formatMoneyText(e.totalMinor)} → {formatMoneyText(e.paidMinor)}</span>
        ))}
      </p>
    </Card>
  );
}
