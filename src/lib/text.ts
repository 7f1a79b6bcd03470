/** Text utilities shared by the pages and the tests. */
import { foldChars, foldMapOf, variantGroups } from './chinese-variants';
import type { Locale } from './i18n/locales';

const variantFolds = foldMapOf(variantGroups);

/** Reading speeds used for the estimates: Chinese characters or English words per minute. */
const charactersPerMinute = 350;
const wordsPerMinute = 200;

/** Whole minutes (at least 1) to read `texts` in `locale`. */
export function readingMinutes(texts: readonly string[], locale: Locale): number {
  const joined = texts.join(' ');
  const amount =
    locale === 'en'
      ? joined.split(/\s+/).filter(Boolean).length / wordsPerMinute
      : (joined.match(/\p{Script=Han}/gu)?.length ?? 0) / charactersPerMinute;
  return Math.max(1, Math.round(amount));
}

export interface TermPattern {
  id: string;
  patterns: readonly string[];
}

export type Segment = { text: string; term?: string };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Splits `text` into plain segments and segments that are glossary terms, linking each term
 * at most once across calls that share `linked` (so a page links a term only where it first
 * occurs). Longer patterns win over shorter ones; Latin patterns match whole words, any case.
 */
export function segmentTerms(text: string, terms: readonly TermPattern[], linked: Set<string>): Segment[] {
  const byPattern = new Map<string, string>();
  for (const term of terms) {
    if (linked.has(term.id)) continue;
    for (const pattern of term.patterns) byPattern.set(pattern.toLowerCase(), term.id);
  }
  if (byPattern.size === 0) return [{ text }];
  const alternatives = [...byPattern.keys()]
    .sort((a, b) => b.length - a.length)
    .map((p) => (/^[\x20-\x7e]+$/.test(p) ? `\\b${escapeRegExp(p)}\\b` : escapeRegExp(p)));
  const finder = new RegExp(alternatives.join('|'), 'giu');
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(finder)) {
    const id = byPattern.get(match[0].toLowerCase());
    if (!id || linked.has(id)) continue;
    linked.add(id);
    if (match.index > last) segments.push({ text: text.slice(last, match.index) });
    segments.push({ text: match[0], term: id });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

/**
 * Folds text for comparing the site with its sources: variant forms to one form, and all
 * punctuation, symbols and white space removed, so only the wording is compared.
 */
export function foldForComparison(text: string): string {
  return foldChars(text.normalize('NFKC'), variantFolds).replace(/[\p{P}\p{S}\p{Z}\s]/gu, '');
}
