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
    <div className="office-card office-form">
      <div>
        <h2>{t('office.settings.scale.title')}</h2>
        <p className="office-muted">{t('office.settings.scale.hint')}</p>
        <p className="office-legend">{t('office.settings.scale.legend')}</p>
      </div>
      {layouts.length === 0 && <p className="office-muted">{t('office.settings.scale.none')}</p>}
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
      <div>
        <button type="button" className="office-link" disabled={layouts.length >= maxScaleLayouts} onClick={() => onChange([...layouts, newScaleLayout(newId())])}>
          {t('office.settings.scale.add')}
        </button>
      </div>
    </div>
  );
}
