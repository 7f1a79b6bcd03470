/** The site's locales. `zh-hant` is the source language of every text. */
export const locales = ['zh-hant', 'zh-hans', 'en'] as const;
export type Locale = (typeof locales)[number];

/** Locales written in content files; `zh-hans` is generated from `zh-hant` at build time. */
export const sourceLocales = ['zh-hant', 'en'] as const;
export type SourceLocale = (typeof sourceLocales)[number];

/** The source language of every text, and the language of pages outside the locales. */
export const defaultLocale: SourceLocale = 'zh-hant';

/** BCP 47 tags for `<html lang>`, `hreflang` and `lang` attributes. */
export const htmlLang: Record<Locale, string> = {
  'zh-hant': 'zh-Hant',
  'zh-hans': 'zh-Hans',
  en: 'en',
};

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}

/** The locales other than `locale`, in site order. */
export function otherLocales(locale: Locale): Locale[] {
  return locales.filter((l) => l !== locale);
}

/** `getStaticPaths` result for a page that exists once per locale. */
export function localeParams() {
  return locales.map((locale) => ({ params: { locale } }));
}

/** Locales written in Han characters, whose search folds forms and splits characters. */
export const hanScript: Record<Locale, boolean> = {
  'zh-hant': true,
  'zh-hans': true,
  en: false,
};
