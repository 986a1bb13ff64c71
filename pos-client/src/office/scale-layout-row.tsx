import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Input, Radio, Space, Typography } from 'antd';
import type { ScaleBarcodeLayout } from '@pos/shared';
import { describeScalePattern, patternInput, type PatternPart } from '../features/office-settings/scale-pattern';
import type { SettingsProblem } from '../features/office-settings/settings-problems';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en';
import { useSettingsProblemText } from './settings-problem-text';

interface Props {
  place: number;
  layout: ScaleBarcodeLayout;
  problem: SettingsProblem | undefined;
  first: boolean;
  last: boolean;
  onChange: (layout: ScaleBarcodeLayout) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

const partKey: Record<Exclude<PatternPart['kind'], 'value'>, MessageKey> = {
  prefix: 'office.settings.part.prefix',
  fixed: 'office.settings.part.fixed',
  flag: 'office.settings.part.flag',
  item: 'office.settings.part.item',
  priceCheck: 'office.settings.part.priceCheck',
  check: 'office.settings.part.check',
};

/** A pattern in words, e.g. "prefix 22, item code 5 digits, weight in grams 5 digits, check digit". */
function usePatternWords(): (pattern: string, value: ScaleBarcodeLayout['value']) => string {
  const { t } = useI18n();
  const size = (length: number) => (length === 1 ? t('office.settings.part.oneDigit') : t('office.settings.part.digits', { count: length }));
  return (pattern, value) =>
    (describeScalePattern(pattern) ?? [])
      .map((part) => {
        if ('digits' in part) return t(partKey[part.kind], { digits: part.digits });
        if (part.kind === 'value') return t(`office.settings.part.${value}`, { size: size(part.length) });
        return t(partKey[part.kind], { size: size(part.length) });
      })
      .join(t('office.settings.part.separator'));
}

/** One layout: its place in the scan order, pattern, what V holds, and what the pattern means or what is wrong with it. */
export function ScaleLayoutRow({ place, layout, problem, first, last, onChange, onMove, onRemove }: Props) {
  const { t } = useI18n();
  const problemText = useSettingsProblemText();
  const words = usePatternWords();
  const description = words(layout.pattern, layout.value);
  return (
    <li className="office-layout" data-testid="scale-layout">
      <span className="office-layout-place num">{place}</span>
      <Input
        className="office-pattern"
        status={problem ? 'error' : undefined}
        value={layout.pattern}
        maxLength={13}
        placeholder="2FPPPPPVVVVVC"
        spellCheck={false}
        aria-label={t('office.settings.scale.pattern', { place })}
        onChange={(e) => onChange({ ...layout, pattern: patternInput(e.target.value) })}
      />
      <Radio.Group
        aria-label={t('office.settings.scale.value')}
        optionType="button"
        value={layout.value}
        options={[
          { value: 'weight', label: t('office.settings.scale.value.weight') },
          { value: 'price', label: t('office.settings.scale.value.price') },
        ]}
        onChange={(e) => onChange({ ...layout, value: e.target.value === 'price' ? 'price' : 'weight' })}
      />
      <Space.Compact className="office-layout-actions">
        <Button icon={<ArrowUpOutlined />} disabled={first} aria-label={t('office.settings.scale.moveUp')} title={t('office.settings.scale.moveUp')} onClick={() => onMove(-1)} />
        <Button icon={<ArrowDownOutlined />} disabled={last} aria-label={t('office.settings.scale.moveDown')} title={t('office.settings.scale.moveDown')} onClick={() => onMove(1)} />
        <Button icon={<DeleteOutlined />} danger aria-label={t('office.settings.scale.remove')} title={t('office.settings.scale.remove')} onClick={onRemove} />
      </Space.Compact>
      {problem ? (
        <Typography.Text type="danger" className="office-layout-note office-field-error">{problemText(problem)}</Typography.Text>
      ) : (
        description && <Typography.Text type="secondary" className="office-layout-note">{description}</Typography.Text>
      )}
    </li>
  );
}
