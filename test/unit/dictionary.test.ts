import { describe, expect, test } from 'vitest';
import { dictionaries, locales } from '../../src/lib/i18n';

const pluralCategories = ['zero', 'one', 'two', 'few', 'many', 'other'];
/** A template per plural category (lib/template.ts `Plural`): a leaf, which must have `other`. */
const isPlural = (value: object) => 'other' in value && Object.keys(value).every((k) => pluralCategories.includes(k));

/** Every leaf of a dictionary as [path, value]; a plural template's leaf is its `other` form. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value && typeof value === 'object' && isPlural(value)) return [[path, (value as { other: unknown }).other]];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => leaves(v, path ? `${path}.${key}` : key));
  }
  return [[path, value]];
}

describe('UI dictionaries', () => {
  const reference = leaves(dictionaries['zh-hant']).map(([path]) => path).sort();

  test.each(locales)('%s has every key, and no other', (locale) => {
    expect(leaves(dictionaries[locale]).map(([path]) => path).sort()).toEqual(reference);
  });

  test.each(locales)('%s has no empty string and every function returns text', (locale) => {
    for (const [path, value] of leaves(dictionaries[locale])) {
      if (typeof value === 'function') {
        const out = (value as (...args: unknown[]) => unknown)(3, 'x', 'y');
        expect(out, path).toMatch(/\S/);
      } else {
        expect(typeof value, path).toBe('string');
        expect(value, path).toMatch(/\S/);
      }
    }
  });

  test('the English dictionary holds no Chinese outside names of the sources', () => {
    for (const [path, value] of leaves(dictionaries.en)) {
      if (typeof value !== 'string' || path === 'footer.credit') continue;
      expect(value, path).not.toMatch(/\p{Script=Han}/u);
    }
  });
});
