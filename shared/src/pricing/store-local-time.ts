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

/** Whether the runtime knows a time zone by this name; an unknown one would throw when a store-local time is worked out. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function wallClockOffsetMs(instantMs: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) parts[part.type] = part.value;
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - (instantMs - (((instantMs % 1000) + 1000) % 1000));
}

const QUARTER_HOUR = 900_000;
const offsets = new Map<string, number>();

/**
 * The zone's offset, cached per quarter hour: formatting with Intl is slow enough to show at
 * ingest, and offsets only change on quarter-hour boundaries in any modern zone.
 */
function cachedOffsetMs(instantMs: number, timeZone: string): number {
  const bucket = Math.floor(instantMs / QUARTER_HOUR);
  const key = `${timeZone} ${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = wallClockOffsetMs(bucket * QUARTER_HOUR, timeZone);
    if (offsets.size >= 50_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Reads an ISO instant on the wall clock of a store in an IANA time zone. */
export function storeLocalTime(instant: string, timeZone: string): StoreLocalTime {
  const instantMs = Date.parse(instant);
  if (Number.isNaN(instantMs)) throw new RangeError(`not an instant: ${instant}`);
  const wall = new Date(instantMs + cachedOffsetMs(instantMs, timeZone));
  const date = `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
  const sundayFirst = wall.getUTCDay();
  return {
    date,
    dateTime: `${date}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`,
    weekday: sundayFirst === 0 ? 7 : sundayFirst,
    minuteOfDay: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
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
