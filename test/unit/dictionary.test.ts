import { describe, expect, test } from 'vitest';
import { dictionaries, locales } from '../../src/lib/i18n';
import { formatter } from '../../src/lib/i18n/format';
import { simplifiedDictionary, zhHans } from '../../src/lib/i18n/zh-hans';
import { zhHansTerms } from '../../src/lib/i18n/zh-hans-terms';
import type { Plural } from '../../src/lib/template';

const pluralCategories = ['zero', 'one', 'two', 'few', 'many', 'other'];
/** A template per plural category (lib/template.ts `Plural`): a leaf, which must have `other`. */
const isPlural = (value: object): value is Plural => 'other' in value && Object.keys(value).every((k) => pluralCategories.includes(k));

/** Every leaf of a dictionary as [path, forms]: one template, or a plural's templates. */
function leaves(value: unknown, path = ''): [string, unknown[]][] {
  if (value && typeof value === 'object' && isPlural(value)) return [[path, Object.values(value)]];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => leaves(v, path ? `${path}.${key}` : key));
  }
  return [[path, [value]]];
}

const placeholders = (template: string) => [...new Set(template.match(/\{\w+\}/g))].sort();

describe('UI dictionaries', () => {
  const reference = new Map(leaves(dictionaries['zh-hant']).map(([path, forms]) => [path, forms]));

  test.each(locales)('%s has every key, and no other', (locale) => {
    expect(leaves(dictionaries[locale]).map(([path]) => path).sort()).toEqual([...reference.keys()].sort());
  });

  test.each(locales)('%s is data: every text a non-empty template with the placeholders of the Traditional one', (locale) => {
    for (const [path, forms] of leaves(dictionaries[locale])) {
      const expected = placeholders(reference.get(path)![0] as string);
      for (const form of forms) {
        expect(typeof form, path).toBe('string');
        expect(form, path).toMatch(/\S/);
        expect(placeholders(form as string), path).toEqual(expected);
      }
    }
  });

  test('the English dictionary holds no Chinese outside names of the sources', () => {
    for (const [path, [value]] of leaves(dictionaries.en)) {
      if (path === 'footer.credit') continue;
      expect(value, path).not.toMatch(/\p{Script=Han}/u);
    }
  });
});

describe('formatter', () => {
  const en = formatter('en');
  const zh = formatter('zh-Hant');

  test('fills placeholders, numbers written the language’s way', () => {
    expect(en('Level {level}', { level: 3 })).toBe('Level 3');
    expect(en('{n} of {total}', { n: 1234, total: 0.5 })).toBe('1,234 of 0.5');
    expect(en('{missing} stays', {})).toBe('{missing} stays');
  });

  test('a plural takes the form of its count, by Intl.PluralRules', () => {
    const cases = { one: '{count} case', other: '{count} cases' };
    expect([0, 1, 2].map((count) => en(cases, { count }))).toEqual(['0 cases', '1 case', '2 cases']);
    expect(zh({ other: '{count} 個案例' }, { count: 1 })).toBe('1 個案例');
    expect(() => en(cases, {})).toThrow(/count/);
  });

  test('dates in the language’s long form, the wall time of the file kept', () => {
    expect(en.date('2013-03-18')).toBe('March 18, 2013');
    expect(zh.date('2013-03-18')).toBe('2013年3月18日');
    expect(en.date('2013-03-18 17:20')).toMatch(/^March 18, 2013.*5:20\sPM$/);
    expect(en.date('2024-11-16 07:55:49')).toMatch(/7:55:49\sAM$/);
    expect(() => en.date('18/03/2013')).toThrow(/Not a date/);
  });
});

describe('the Simplified dictionary, derived from the Traditional one', () => {
  test.each(zhHansTerms.map((term) => [term.traditional, term] as const))('the reviewed term %s is still needed', (_, term) => {
    const without = simplifiedDictionary(zhHansTerms.filter((t) => t !== term));
    expect(without, `${term.traditional} → ${term.simplified}: OpenCC now gives the same text without it`).not.toEqual(zhHans);
  });
});
