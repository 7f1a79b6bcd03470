/**
 * How Chinese text is searched. Pagefind splits Chinese into words one way when indexing and
 * another way in the browser (its issue #1237), which loses matches; so for Han-script locales
 * the index holds each record folded (variant and Simplified forms to one form) with every
 * character a word of its own, queries are split the same way, and the browser keeps the
 * results whose text really contains each term, marking them in an excerpt of its own.
 * Pure, and shipped to the search page.
 */
import { foldChars, type FoldMap } from './chinese-variants';

const hanCharacter = /(\p{Script=Han})/gu;

/**
 * The most characters of a query searched. Every Han character is a word to Pagefind, and a
 * pasted page of text would never finish (red team S17) or make a URL the host refuses (S15).
 */
export const maxQueryLength = 100;

/** The query as searched, at most `maxQueryLength` characters (code points), and whether it was cut. */
export function capQuery(query: string): { query: string; capped: boolean } {
  const chars = [...query.trim()];
  if (chars.length <= maxQueryLength) return { query: query.trim(), capped: false };
  return { query: chars.slice(0, maxQueryLength).join('').trim(), capped: true };
}

/** True when the query holds a Han character (the English edition then searches its records' Chinese). */
export function hasHan(query: string): boolean {
  return /\p{Script=Han}/u.test(query);
}

/**
 * A query's terms: split at white space, punctuation and symbols (pasted 「客戶」, 客戶！,
 * 客戶，服務, emoji), folded, each once (客戶 客戶 is 客戶).
 */
export function searchTerms(query: string, map: FoldMap): string[] {
  const terms = query
    .normalize('NFKC')
    .split(/[\s\p{P}\p{S}]+/u)
    .map((term) => foldChars(term, map))
    .filter((term) => term !== '');
  return [...new Set(terms)];
}

/** Terms as Pagefind should see them: every Han character a word of its own, each word once. */
export function pagefindQuery(terms: readonly string[]): string {
  return [...new Set(splitHan(terms.join(' ')).split(' '))].join(' ');
}

/** Every Han character of `text` a word of its own. */
function splitHan(text: string): string {
  return text.replace(hanCharacter, ' $1 ').replace(/\s+/g, ' ').trim();
}

/** A record's text as the index holds it for a Han-script locale. */
export function indexableText(text: string, map: FoldMap): string {
  return splitHan(foldChars(text, map));
}

/** Where each term of `terms` found in `text` first occurs, as [start, end) code-point ranges, in order. */
export function markTerms(text: string, terms: readonly string[], map: FoldMap): [number, number][] {
  const folded = [...foldChars(text, map)];
  const ranges: [number, number][] = [];
  for (const term of terms) {
    const needle = [...term];
    const start = folded.findIndex((_, i) => needle.every((ch, j) => folded[i + j] === ch));
    if (start >= 0) ranges.push([start, start + needle.length]);
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** True when `text` holds every term. */
export function holdsAll(text: string, terms: readonly string[], map: FoldMap): boolean {
  return markTerms(text, terms, map).length === new Set(terms).size;
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** About `radius` characters either side of the first match, with every matched term marked. */
export function excerptParts(text: string, ranges: readonly [number, number][], radius = 36): ExcerptPart[] {
  const chars = [...text];
  const first = ranges[0]?.[0] ?? 0;
  const from = Math.max(0, first - radius);
  const to = Math.min(chars.length, first + radius * 2);
  const parts: ExcerptPart[] = [];
  let at = from;
  for (const [start, end] of ranges) {
    if (start < at || end > to) continue;
    if (start > at) parts.push({ text: chars.slice(at, start).join(''), mark: false });
    parts.push({ text: chars.slice(start, end).join(''), mark: true });
    at = end;
  }
  if (at < to) parts.push({ text: chars.slice(at, to).join(''), mark: false });
  if (from > 0) parts.unshift({ text: '…', mark: false });
  if (to < chars.length) parts.push({ text: '…', mark: false });
  return parts;
}
