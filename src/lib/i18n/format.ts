/**
 * Dictionary texts as the build prints them: placeholders filled with numbers written the
 * language's way, a `Plural` chosen by its `count`, and dates in the language's long form.
 */
import { fill, fillPlural, type Message, type Values } from '../template';

export interface Formatter {
  /** `message` filled with `values`; a `Plural` takes the form of `values.count`. */
  (message: Message, values?: Values): string;
  /** A date as content files write it (`YYYY-MM-DD`, optionally with `hh:mm` or `hh:mm:ss`), as written there: no time zone is implied. */
  date(value: string): string;
}

export function formatter(lang: string): Formatter {
  const numbers = new Intl.NumberFormat(lang);
  const localized = (values: Values) =>
    Object.fromEntries(Object.entries(values).map(([key, v]) => [key, typeof v === 'number' ? numbers.format(v) : v]));
  const format = (message: Message, values: Values = {}) => {
    if (typeof message === 'string') return fill(message, localized(values));
    const count = values.count;
    if (typeof count !== 'number') throw new Error(`A plural text needs a numeric count: ${message.other}`);
    return fillPlural(lang, message, count, localized(values));
  };
  return Object.assign(format, { date: (value: string) => formatDate(lang, value) });
}

const dateTime = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2})(:\d{2})?)?$/;

function formatDate(lang: string, value: string): string {
  const [, day, time, seconds] = dateTime.exec(value) ?? [];
  if (!day) throw new Error(`Not a date (YYYY-MM-DD, optionally with hh:mm): ${value}`);
  // Read and written in UTC, so the wall time of the file is printed whatever the build machine's zone.
  const at = new Date(`${day}T${time ?? '00:00'}${seconds ?? ''}Z`);
  const timeParts = time ? ({ hour: 'numeric', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) } as const) : {};
  return new Intl.DateTimeFormat(lang, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric', ...timeParts }).format(at);
}
