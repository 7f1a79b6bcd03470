import { describe, expect, test } from 'vitest';
import { foldMapOf, variantGroups } from '../../src/lib/chinese-variants';
import { editDistance, searchWords, suggestions } from '../../src/lib/search-suggest';

const map = foldMapOf([...variantGroups, '戶户', '務务', '諉诿']);
const vocabulary = searchWords(
  ['Customers first: serve the customer.', 'The customer is first; service, services.', 'Buck passing, passing the buck.'],
  ['客戶為先', '客戶第一', '推諉', '店小二'],
);

describe('searchWords', () => {
  test('lists words of three letters or more, the most frequent first, and the terms once', () => {
    expect(vocabulary.words.slice(0, 3)).toEqual(['the', 'buck', 'customer']);
    expect(vocabulary.words).not.toContain('is');
    expect(searchWords([], ['推諉', '推諉']).terms).toEqual(['推諉']);
  });
});

describe('editDistance', () => {
  test('counts insertions, deletions, substitutions and swapped neighbours, up to a limit', () => {
    expect(editDistance('custmer', 'customer', 2)).toBe(1);
    expect(editDistance('cusotmer', 'customer', 2)).toBe(1);
    expect(editDistance('cstmr', 'customer', 2)).toBe(3);
    expect(editDistance('buck', 'buck', 1)).toBe(0);
  });
});

describe('suggestions', () => {
  test('a misspelt word gets the nearest known words', () => {
    expect(suggestions('custmer', vocabulary, map)[0]).toBe('customer');
    expect(suggestions('Custmer', vocabulary, map)).toContain('customer');
    expect(suggestions('bukc', vocabulary, map)).toEqual(['buck']);
  });

  test('a known word, or one too far from any, gets nothing', () => {
    expect(suggestions('customer', vocabulary, map)).toEqual([]);
    expect(suggestions('zebra', vocabulary, map)).toEqual([]);
    expect(suggestions('', vocabulary, map)).toEqual([]);
  });

  test('several words: each unknown word is replaced by its nearest', () => {
    expect(suggestions('custmer pasing', vocabulary, map)).toEqual(['customer passing']);
    expect(suggestions('customer passing', vocabulary, map)).toEqual([]);
  });

  test('Chinese gets the glossary terms sharing most of its characters, whatever its form', () => {
    expect(suggestions('客户第二', vocabulary, map)).toEqual(['客戶第一', '客戶為先']);
    expect(suggestions('推卸', vocabulary, map)).toEqual(['推諉']);
    expect(suggestions('推诿', vocabulary, map)).toEqual([]);
  });
});
