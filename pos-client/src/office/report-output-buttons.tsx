import { Alert, Button, Space } from 'antd';
import { outputRefusal } from '../features/office-reports/store-day-outputs';
import type { useStoreDayOutputs } from '../features/office-reports/use-store-day-outputs';
import { useI18n } from '../i18n/i18n-context';
import { useHqErrorText } from './hq-error';

type Outputs = ReturnType<typeof useStoreDayOutputs>;

/** Print and Export CSV, as far as the role allows either. */
export function ReportOutputButtons({ outputs, disabled }: { outputs: Outputs; disabled: boolean }) {
  const { t } = useI18n();
  return (
    <Space>
      {outputs.mayPrint && <Button onClick={outputs.print} disabled={disabled || outputs.busy} data-testid="report-print">{t('office.report.print')}</Button>}
      {outputs.mayExport && <Button onClick={outputs.exportCsv} disabled={disabled || outputs.busy} data-testid="report-export">{t('office.report.export')}</Button>}
    </Space>
  );
}

/** The last print's or export's refusal in words (the day's limit says how many the role allows), or how many are left today. */
export function ReportOutputNotice({ outputs }: { outputs: Outputs }) {
  const { t } = useI18n();
  const errorText = useHqErrorText();
  if (outputs.error) {
    const refusal = outputRefusal(outputs.error);
    const title = refusal?.kind === 'limit' ? t('office.report.limitReached', { perDay: refusal.perDay })
      : refusal?.kind === 'forbidden' ? t('office.report.outputForbidden') : errorText(outputs.error);
    return <Alert type="error" showIcon role="alert" data-testid="report-output-refused" title={title} />;
  }
  if (outputs.remaining === null) return null;
  return <Alert type="info" showIcon title={t('office.report.outputsLeft', { count: outputs.remaining })} />;
}
