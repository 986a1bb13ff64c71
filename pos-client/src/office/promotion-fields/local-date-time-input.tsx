/**
 * A store-local date with an optional time, as the rule schema keeps it: `YYYY-MM-DD` or
 * `YYYY-MM-DDTHH:mm`. A bare end date includes that whole day, which a single
 * datetime field could not express.
 */
export function LocalDateTimeInput({ value, onChange }: { value: string | null; onChange: (value: string | null) => void }) {
  const [date = '', time = ''] = (value ?? '').split('T');
  const join = (nextDate: string, nextTime: string) => onChange(nextDate ? (nextTime ? `${nextDate}T${nextTime.slice(0, 5)}` : nextDate) : null);
  return (
    <span className="office-inline">
      <input className="office-input" type="date" value={date} onChange={(e) => join(e.target.value, time)} />
      <input className="office-input" type="time" value={time.slice(0, 5)} disabled={!date} onChange={(e) => join(date, e.target.value)} />
    </span>
  );
}
