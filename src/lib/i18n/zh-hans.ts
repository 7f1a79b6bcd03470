/**
 * The Simplified edition's UI text, derived from zh-hant.ts the way the content is: the one
 * converter setting (src/lib/simplified.ts) with the reviewed terms of zh-hans-terms.ts.
 * Build-time only, like the content's conversion.
 */
import { simplifier, type ReviewedTerm } from '../simplified';
import type { Dictionary } from './dictionary';
import { zhHansTerms } from './zh-hans-terms';
import { zhHant } from './zh-hant';

/** Every string of `value` through `convert`, the shape kept. */
function mapStrings<T>(value: T, convert: (text: string) => string): T {
  if (typeof value === 'string') return convert(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, convert)) as T;
  return Object.fromEntries(Object.entries(value as object).map(([key, v]) => [key, mapStrings(v, convert)])) as T;
}

/** The dictionary derived with `terms`: the reviewed ones, or fewer (the tests check that each is needed). */
export function simplifiedDictionary(terms: readonly ReviewedTerm[] = zhHansTerms): Dictionary {
  return {
    ...mapStrings(zhHant, simplifier(terms)),
    // The name of this edition's language, not a conversion of the Traditional one's.
    languageName: '简体中文',
  };
}

export const zhHans = simplifiedDictionary();
