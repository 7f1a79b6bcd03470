/** Text utilities shared by the pages and the tests. */
import type { Locale } from './i18n/locales';

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
 * Character forms that differ between the sources as captured and the site's text: Simplified
 * forms and variants that reposts mixed into Traditional text. Each maps to one canonical form.
 */
const variantForms: Record<string, string> = {
  后: '後', 标: '標', 确: '確', 赢: '贏', 态: '態', 内: '內', 将: '將', 随: '隨', 于: '於',
  彆: '別', 别: '別', 并: '並', 産: '產', 衆: '眾', 号: '號', 诿: '諉', 讨: '討', 论: '論',
  沖: '衝', 采: '採', 裡: '里', 裏: '里', 时: '時', 间: '間', 阅: '閱', 读: '讀', 荐: '薦', 页: '頁',
};

/**
 * Folds text for comparing the site with its sources: variant forms to one form, and all
 * punctuation, symbols and white space removed, so only the wording is compared.
 */
export function foldForComparison(text: string): string {
  return [...text.normalize('NFKC')]
    .map((ch) => variantForms[ch] ?? ch)
    .join('')
    .replace(/[\p{P}\p{S}\p{Z}\s]/gu, '')
    .toLowerCase();
}
