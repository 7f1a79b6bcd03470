/** Fills `{name}` placeholders of a dictionary template (templates that scripts read must be strings). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => String(values[key] ?? whole));
}

/** A template per plural category of a count (CLDR's, as `Intl.PluralRules` names them); `other` is required. */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Fills the template of `plural` that the language `lang` uses for `count`. */
export function fillPlural(lang: string, plural: Plural, count: number, values: Record<string, string | number>): string {
  return fill(plural[new Intl.PluralRules(lang).select(count)] ?? plural.other, values);
}
