import { DatePicker, Space, TimePicker } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n/i18n-context';
import { useFieldIds } from './field-problem';

/**
 * A store-local date with an optional time, as the rule schema keeps it: `YYYY-MM-DD` or
 * `YYYY-MM-DDTHH:mm`. A bare end date includes that whole day, which a single
 * datetime field could not express.
 */
export function LocalDateTimeInput({ value, onChange, label }: { value: string | null; onChange: (value: string | null) => void; label: string }) {
  const { t } = useI18n();
  const field = useFieldIds();
  const [date = '', time = ''] = (value ?? '').split('T');
  const join = (nextDate: string, nextTime: string) => onChange(nextDate ? (nextTime ? `${nextDate}T${nextTime.slice(0, 5)}` : nextDate) : null);
  return (
    <Space.Compact>
      <DatePicker id={field?.id} value={date ? dayjs(date) : null} format="YYYY-MM-DD" onChange={(d) => join(d ? d.format('YYYY-MM-DD') : '', time)} />
      <TimePicker
        aria-label={t('office.promo.timeOf', { field: label })}
        placeholder={t('office.promo.time')}
        format="HH:mm"
        disabled={!date}
        value={time ? dayjs(`2000-01-01T${time.slice(0, 5)}`) : null}
        onChange={(d) => join(date, d ? d.format('HH:mm') : '')}
      />
    </Space.Compact>
  );
}
