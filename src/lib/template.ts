/**
 * The one text dialect of the dictionaries: a template with `{name}` placeholders, or a `Plural`
 * (a template per plural category). Islands fill them with these two functions; the build fills
 * them through `src/lib/i18n/format.ts`, which also formats numbers and dates for the language.
 */
export type Values = Record<string, string | number>;

/** Fills `{name}` placeholders of a dictionary template. */
export function fill(template: string, values: Values): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => String(values[key] ?? whole));
}

/** A template per plural category of a count (CLDR's, as `Intl.PluralRules` names them); `other` is required. */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** A dictionary text: a template, or templates by the plural category of a count. */
export type Message = string | Plural;

/** Fills the template of `plural` that the language `lang` uses for `count`. */
export function fillPlural(lang: string, plural: Plural, count: number, values: Values): string {
  return fill(plural[new Intl.PluralRules(lang).select(count)] ?? plural.other, values);
}

/** Sentences one after another: a space between them, none after a Chinese full stop (as Chinese text is written). */
export function sentences(...parts: string[]): string {
  return parts.filter(Boolean).reduce((text, part) => (text === '' ? part : /[。！？：；]$/.test(text) ? `${text}${part}` : `${text} ${part}`), '');
}
