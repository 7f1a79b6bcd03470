/**
 * Resolves the page's locale once, from Astro's i18n routing, and gives every component what it
 * needs of it through `Astro.locals`: the dictionary, the localized text of content fields and
 * the locale's URLs. Components (also those embedded in MDX) take no locale prop.
 * Astro runs this for every prerendered page at build time.
 */
import { getRelativeLocaleUrl } from 'astro:i18n';
import { defineMiddleware } from 'astro:middleware';
import { defaultLocale, dictionaries, htmlLang, isLocale, type Dictionary, type Locale } from './lib/i18n';
import { formatter, type Formatter } from './lib/i18n/format';
import { textIn, type TextOf } from './lib/localized';
import type { Route } from './lib/urls';

export interface LocaleContext {
  locale: Locale;
  /** The BCP 47 tag of the locale, for `lang` attributes. */
  lang: string;
  t: Dictionary;
  /** A text of `t` filled in, with numbers and dates written the locale's way: `format(t.rubric.level, { level: 3 })`, `format.date('2013-03-18')`. */
  format: Formatter;
  /** A content field in this locale (the Simplified edition derived from the Traditional text). */
  text: TextOf;
  /** The URL of `route` (which may end in `#anchor`) in this locale, or in `locale`, under the base path. */
  href(route: Route, locale?: Locale): string;
  /** The URL of a file outside the locales (favicon, search bundle), under the base path. */
  asset(path: string): string;
}

export function localeContext(locale: Locale): LocaleContext {
  return {
    locale,
    lang: htmlLang[locale],
    t: dictionaries[locale],
    format: formatter(htmlLang[locale]),
    text: textIn(locale),
    href(route, other = locale) {
      const [path = '', anchor] = route.split('#');
      return `${getRelativeLocaleUrl(other, path)}${anchor === undefined ? '' : `#${anchor}`}`;
    },
    asset: (path) => `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${path.replace(/^\/+/, '')}`,
  };
}

export const onRequest = defineMiddleware((context, next) => {
  const current = context.currentLocale;
  // Pages outside the locales (the language chooser, 404) speak every language; they get the default.
  Object.assign(context.locals, localeContext(current && isLocale(current) ? current : defaultLocale));
  return next();
});
