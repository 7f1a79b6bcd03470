import { describe, expect, test } from 'vitest';
import { foldForComparison, readingMinutes, segmentTerms } from '../../src/lib/text';

describe('segmentTerms', () => {
  const terms = [
    { id: 'inn-waiter', patterns: ['店小二', 'inn waiter'] },
    { id: 'customer-first', patterns: ['客戶為先', 'Customer First'] },
  ];

  test('links each term once, at its first occurrence', () => {
    const linked = new Set<string>();
    const first = segmentTerms('要有店小二的態度，店小二就是服務。', terms, linked);
    expect(first).toEqual([
      { text: '要有' },
      { text: '店小二', term: 'inn-waiter' },
      { text: '的態度，店小二就是服務。' },
    ]);
    expect(segmentTerms('再說店小二', terms, linked)).toEqual([{ text: '再說店小二' }]);
  });

  test('matches Latin terms as whole words in any case', () => {
    const segments = segmentTerms('customer first, not customer firsthand', terms, new Set());
    expect(segments.filter((s) => s.term)).toEqual([{ text: 'customer first', term: 'customer-first' }]);
  });

  test('the joined segments are the original text', () => {
    const text = '客戶為先的店小二 inn waiter';
    expect(segmentTerms(text, terms, new Set()).map((s) => s.text).join('')).toBe(text);
  });

  test('prefers the longer of two overlapping patterns', () => {
    const overlapping = [
      { id: 'short', patterns: ['客戶'] },
      { id: 'long', patterns: ['客戶為先'] },
    ];
    expect(segmentTerms('客戶為先', overlapping, new Set())).toEqual([{ text: '客戶為先', term: 'long' }]);
  });
});

describe('readingMinutes', () => {
  test('counts Han characters for Chinese and words for English', () => {
    expect(readingMinutes(['字'.repeat(700)], 'zh-hant')).toBe(2);
    expect(readingMinutes([Array(400).fill('word').join(' ')], 'en')).toBe(2);
  });

  test('is at least one minute', () => {
    expect(readingMinutes([''], 'en')).toBe(1);
  });
});

describe('foldForComparison', () => {
  test('folds the variant forms of the sources and drops punctuation', () => {
    expect(foldForComparison('先人后企,然后')).toBe(foldForComparison('先人後企，然後'));
    expect(foldForComparison('阿裡巴巴(阿裡巴巴)')).toBe(foldForComparison('阿里巴巴（阿里巴巴）'));
    expect(foldForComparison('“客戶為先”')).toBe('客戶為先');
  });

  test('keeps different wording different', () => {
    expect(foldForComparison('客戶為先')).not.toBe(foldForComparison('客戶第一'));
  });
});
