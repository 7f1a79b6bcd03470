/**
 * Content is written in the source locales (`zh-hant`, `en`); the Simplified edition is derived
 * from the Traditional text here, and only here, when a page or a search record asks for it.
 */
import type { Locale, SourceLocale } from './i18n/locales';
import { toSimplified } from './simplified';

/** A value in each language content is written in: `{ zh-hant: …, en: … }`. */
export type Localized<T extends string | readonly string[] = string> = Readonly<Record<SourceLocale, T>>;

const convert = <T extends string | readonly string[]>(value: T): T =>
  (typeof value === 'string' ? toSimplified(value) : value.map(toSimplified)) as T;

/**
 * `value` in `locale`, as a page of `page` prints it: the Simplified edition converts the
 * Traditional text, and the Chinese glosses inside English text it shows (the speech's English
 * column, say), so that its pages hold no Traditional character outside text marked zh-Hant.
 */
export function inLocale<T extends string | readonly string[]>(value: Localized<T>, locale: Locale, page: Locale = locale): T {
  if (locale === 'zh-hans') return convert(value['zh-hant']);
  return page === 'zh-hans' ? convert(value[locale]) : value[locale];
}

/** A function that prints localized values in `locale`, for code that prints many. */
export type TextOf = <T extends string | readonly string[]>(value: Localized<T>) => T;

export function textIn(locale: Locale): TextOf {
  return (value) => inLocale(value, locale);
}
