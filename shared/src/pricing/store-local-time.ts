/** An instant as the store sees it on its wall clock. */
export interface StoreLocalTime {
  /** YYYY-MM-DD */
  readonly date: string;
  /** YYYY-MM-DDTHH:mm:ss, comparable as a string with other local date-times. */
  readonly dateTime: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** Minutes since local midnight, 0 … 1439. */
  readonly minuteOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Reads an ISO instant on the wall clock of a store in an IANA time zone. */
export function storeLocalTime(instant: string, timeZone: string): StoreLocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(Date.parse(instant))) parts[part.type] = part.value;
  const { year = '', month = '', day = '', hour = '', minute = '', second = '' } = parts;
  const date = `${year}-${month}-${day}`;
  const sundayFirst = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay();
  return {
    date,
    dateTime: `${date}T${hour}:${minute}:${second}`,
    weekday: sundayFirst === 0 ? 7 : sundayFirst,
    minuteOfDay: Number(hour) * 60 + Number(minute),
  };
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2})?)?$/;

/**
 * A store-local date-time written as YYYY-MM-DD, YYYY-MM-DDTHH:mm or YYYY-MM-DDTHH:mm:ss,
 * padded to the comparable form YYYY-MM-DDTHH:mm:ss. An instant with an offset is read on
 * the store's clock. Null when the text is neither.
 */
export function toLocalDateTime(text: string, timeZone: string): string | null {
  const match = LOCAL_DATE_TIME.exec(text);
  if (match) return `${match[1]}T${match[2] ?? '00:00'}${match[3] ?? ':00'}`;
  return Number.isNaN(Date.parse(text)) ? null : storeLocalTime(text, timeZone).dateTime;
}

/** Minutes since midnight of an HH:mm clock time. */
export function clockMinutes(hhmm: string): number {
  const [hours = '0', minutes = '0'] = hhmm.split(':');
  return Number(hours) * 60 + Number(minutes);
}
