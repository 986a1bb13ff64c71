import { Button, Flex, TimePicker } from 'antd';
import dayjs from 'dayjs';
import type { ClockWindow } from '@pos/shared';
import { useI18n } from '../../i18n/i18n-context';
import { RuleField } from './field-problem';

const asTime = (text: string) => dayjs(`2000-01-01T${text}`);

/** Daily time windows; a window whose end is before its start runs past midnight. */
export function ClockWindowsField({ path, label, value, onChange }: { path: string; label: string; value: ClockWindow[]; onChange: (windows: ClockWindow[]) => void }) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<ClockWindow>) => onChange(value.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  return (
    <RuleField path={path} label={label} group>
      <Flex vertical gap={8} align="flex-start">
        {value.map((w, i) => (
          <Flex key={i} gap={8} align="center">
            <TimePicker aria-label={t('office.promo.windowFrom', { n: i + 1 })} format="HH:mm" allowClear={false} value={asTime(w.from)} onChange={(d) => d && set(i, { from: d.format('HH:mm') })} />
            <span aria-hidden="true">–</span>
            <TimePicker aria-label={t('office.promo.windowTo', { n: i + 1 })} format="HH:mm" allowClear={false} value={asTime(w.to)} onChange={(d) => d && set(i, { to: d.format('HH:mm') })} />
            <Button type="link" onClick={() => onChange(value.filter((_, j) => j !== i))}>{t('office.promo.remove')}</Button>
          </Flex>
        ))}
        <Button type="dashed" onClick={() => onChange([...value, { from: '09:00', to: '11:00' }])}>{t('office.promo.addWindow')}</Button>
      </Flex>
    </RuleField>
  );
}
