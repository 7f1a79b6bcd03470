/**
 * Content is written in the source locales (`zh-hant`, `en`); the Simplified edition is derived
 * from the Traditional text here, and only here, when a page or a search record asks for it.
 */
import type { Locale, SourceLocale } from './i18n/locales';
import { toSimplified } from './simplified';

/** A value in each language content is written in: `{ zh-hant: …, en: … }`. */
export type Localized<T extends string | readonly string[] = string> = Readonly<Record<SourceLocale, T>>;

/** `value` as the `locale` edition prints it. */
export function inLocale<T extends string | readonly string[]>(value: Localized<T>, locale: Locale): T {
  if (locale !== 'zh-hans') return value[locale];
  const source = value['zh-hant'];
  return (typeof source === 'string' ? toSimplified(source) : source.map(toSimplified)) as T;
}

/** A function that prints localized values in `locale`, for code that prints many. */
export type TextOf = <T extends string | readonly string[]>(value: Localized<T>) => T;

export function textIn(locale: Locale): TextOf {
  return (value) => inLocale(value, locale);
}
