import { Button, Card, Typography } from 'antd';
import { uuidv7, type ScaleBarcodeLayout } from '@pos/shared';
import { maxScaleLayouts, moveLayout, newScaleLayout } from '../features/office-settings/settings-form';
import { problemAt, type SettingsProblem } from '../features/office-settings/settings-problems';
import { useI18n } from '../i18n/i18n-context';
import { ScaleLayoutRow } from './scale-layout-row';

interface Props {
  layouts: ScaleBarcodeLayout[];
  problems: SettingsProblem[];
  onChange: (layouts: ScaleBarcodeLayout[]) => void;
}

const newId = () => uuidv7(Date.now(), crypto.getRandomValues(new Uint8Array(10)));

/** 条码秤: the chain's label layouts in the order a scan tries them. */
export function ScaleLayoutsCard({ layouts, problems, onChange }: Props) {
  const { t } = useI18n();
  const replace = (index: number, layout: ScaleBarcodeLayout) => onChange(layouts.map((l, i) => (i === index ? layout : l)));
  return (
    <Card title={<Typography.Title level={2}>{t('office.settings.scale.title')}</Typography.Title>}>
      <Typography.Paragraph type="secondary">{t('office.settings.scale.hint')}</Typography.Paragraph>
      <Typography.Paragraph className="office-legend">{t('office.settings.scale.legend')}</Typography.Paragraph>
      {layouts.length === 0 && <Typography.Paragraph type="secondary">{t('office.settings.scale.none')}</Typography.Paragraph>}
      <ol className="office-layouts">
        {layouts.map((layout, index) => (
          <ScaleLayoutRow
            key={layout.id}
            place={index + 1}
            layout={layout}
            problem={problemAt(problems, `scaleLayouts.${index}`)}
            first={index === 0}
            last={index === layouts.length - 1}
            onChange={(next) => replace(index, next)}
            onMove={(by) => onChange(moveLayout(layouts, index, by))}
            onRemove={() => onChange(layouts.filter((_, i) => i !== index))}
          />
        ))}
      </ol>
      <Button type="dashed" disabled={layouts.length >= maxScaleLayouts} onClick={() => onChange([...layouts, newScaleLayout(newId())])}>
        {t('office.settings.scale.add')}
      </Button>
    </Card>
  );
}
