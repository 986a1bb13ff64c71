import type { Clock } from '../ids';
import { redact, redactText } from './redact';

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, unknown>>;
export type LogFormat = 'json' | 'text';

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Where a finished line goes: by default standard output, and in text form standard error for problems. */
export type LogWrite = (line: string, level: LogLevel) => void;

const writeToConsole = (format: LogFormat): LogWrite => (line, level) => {
  const stream = format === 'text' && level !== 'info' ? process.stderr : process.stdout;
  stream.write(`${line}\n`);
};

/** The tag readable lines start with; a JSON line, all HQ's, goes without it. */
const TAG = '[hq] ';

const textOf = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** `json`: one object a line (time, level, msg, then the fields); `text`: `[hq] message key=value …`. */
function formatLine(format: LogFormat, time: Date, level: LogLevel, message: string, fields: LogFields): string {
  const msg = redactText(message.startsWith(TAG) ? message.slice(TAG.length) : message);
  const safe = redact(fields) as Record<string, unknown>;
  if (format === 'json') return JSON.stringify({ time: time.toISOString(), level, msg, ...safe });
  const extra = Object.entries(safe).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${textOf(v)}`);
  return [`${TAG}${msg}`, ...extra].join(' ');
}

/** A logger that redacts every line (see `redact.ts`) before writing it in the format asked. */
export function createLogger(format: LogFormat, options: { write?: LogWrite; clock?: Clock } = {}): Logger {
  const write = options.write ?? writeToConsole(format);
  const clock = options.clock ?? (() => new Date());
  const log = (level: LogLevel) => (message: string, fields: LogFields = {}) => write(formatLine(format, clock(), level, message, fields), level);
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/** For the scheduled jobs, which log plain lines: a line saying FAILED is an error. */
export const lineLogger = (logger: Logger) => (line: string) => (/\bFAILED\b/.test(line) ? logger.error(line) : logger.info(line));
