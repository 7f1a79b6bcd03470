import { describe, expect, test } from 'vitest';
import { foldMapOf, packFoldMap, unpackFoldMap, variantGroups } from '../../src/lib/chinese-variants';
import { capQuery, excerptParts, hasHan, holdsAll, indexableText, markTerms, maxQueryLength, pagefindQuery, searchTerms } from '../../src/lib/search-text';

const map = foldMapOf([...variantGroups, '務务', '態态', '應应', '供供', '商商', '戶户']);

describe('searchTerms and pagefindQuery', () => {
  test('fold Simplified and variant forms, and split Han characters into words', () => {
    expect(searchTerms(' 服务  态度 ', map)).toEqual(searchTerms('服務 態度', map));
    expect(pagefindQuery(searchTerms('HRD 培訓', map))).toBe('hrd 培 訓');
    expect(pagefindQuery(searchTerms('阿里巴巴', map))).toBe(pagefindQuery(searchTerms('阿裡巴巴', map)));
  });

  test('the index holds the same form the query takes', () => {
    expect(indexableText('為客戶服務', map)).toBe(pagefindQuery(searchTerms('爲客戶服务', map)));
    expect(indexableText('店小二 serves', map)).toBe('店 小 二 serves');
  });
});

describe('pasted and repeated queries (red team S18–S20)', () => {
  const text = '客戶第一，為客戶服務。';

  test.each(['「客戶」', '客戶！', '😀客戶😀', '客戶 客戶', '客户，客戶', '“客户”'])('%s finds what 客戶 finds', (query) => {
    expect(searchTerms(query, map)).toEqual(searchTerms('客戶', map));
    expect(pagefindQuery(searchTerms(query, map))).toBe('客 戶');
    expect(holdsAll(text, searchTerms(query, map), map)).toBe(true);
  });

  test('punctuation between terms separates them, as a space does', () => {
    expect(searchTerms('客戶，服務', map)).toEqual(searchTerms('客戶 服務', map));
    expect(holdsAll(text, searchTerms('客戶，服務', map), map)).toBe(true);
    expect(holdsAll(text, searchTerms('客戶，吵架', map), map)).toBe(false);
  });

  test('each Pagefind word is asked once, but the index keeps every occurrence', () => {
    expect(pagefindQuery(searchTerms('客戶 客人', map))).toBe('客 戶 人');
    expect(indexableText('客戶客戶', map)).toBe('客 戶 客 戶');
  });
});

describe('capQuery and hasHan', () => {
  test('a query is cut to its first characters, counted in code points, and says so', () => {
    expect(capQuery('  customer ')).toEqual({ query: 'customer', capped: false });
    const long = capQuery('客'.repeat(100_000));
    expect(long).toEqual({ query: '客'.repeat(maxQueryLength), capped: true });
    expect([...capQuery('𠮷'.repeat(maxQueryLength + 1)).query]).toHaveLength(maxQueryLength);
    expect(capQuery('a'.repeat(maxQueryLength)).capped).toBe(false);
  });

  test('hasHan tells Chinese queries from others', () => {
    expect(hasHan('推諉')).toBe(true);
    expect(hasHan('customer 服务')).toBe(true);
    expect(hasHan('custmer')).toBe(false);
  });
});

describe('markTerms and holdsAll', () => {
  const text = '在公司裡給同事臉色看。HRD 培訓師，於未然。';

  test('find every term whatever its form, or say one is missing', () => {
    expect(markTerms(text, searchTerms('公司里', map), map)).toEqual([[1, 4]]);
    expect(markTerms(text, searchTerms('于未然 hrd', map), map)).toEqual([
      [11, 14],
      [19, 22],
    ]);
    expect(holdsAll(text, searchTerms('hrd 于未然', map), map)).toBe(true);
    expect(holdsAll(text, searchTerms('同事 吵架', map), map)).toBe(false);
    expect(markTerms(text, searchTerms('同事 吵架', map), map)).toEqual([[5, 7]]);
  });
});

describe('excerptParts', () => {
  test('marks the matches inside a window around the first one', () => {
    const text = `${'前'.repeat(50)}店小二${'後'.repeat(50)}`;
    const parts = excerptParts(text, [[50, 53]], 10);
    expect(parts[0]).toEqual({ text: '…', mark: false });
    expect(parts.filter((p) => p.mark)).toEqual([{ text: '店小二', mark: true }]);
    expect(parts.at(-1)).toEqual({ text: '…', mark: false });
    expect(parts.map((p) => p.text).join('')).toBe(`…${'前'.repeat(10)}店小二${'後'.repeat(17)}…`);
  });
});

describe('packFoldMap and unpackFoldMap', () => {
  test('round-trip the map, astral characters included', () => {
    const withAstral = { ...map, '𠮷': '吉' };
    const packed = packFoldMap(withAstral);
    expect([...packed]).toHaveLength(2 * Object.keys(withAstral).length);
    expect(unpackFoldMap(packed)).toEqual(withAstral);
  });

  test('an empty map packs to an empty string', () => {
    expect(packFoldMap({})).toBe('');
    expect(unpackFoldMap('')).toEqual({});
  });
});
