/**
 * "Did you mean …?" for a query that found nothing: the nearest words the locale's search
 * records hold (a typo of one or two letters), and for Chinese the glossary terms that share
 * the most characters with it. The build writes each locale's vocabulary (`SearchWords`); the
 * search page fetches it only when a search finds nothing. Pure, and shipped to the search page.
 */
import { foldChars, type FoldMap } from './chinese-variants';

/** A locale's vocabulary, as published at `<locale>/search/words.json`. */
export interface SearchWords {
  /** Latin-script words of three letters or more, lowercased, the most frequent first. */
  words: string[];
  /** Glossary terms in the locale's Chinese (Traditional on English pages). */
  terms: string[];
}

const latinWord = /[\p{Script=Latin}]{3,}/gu;

/** The vocabulary of `texts` (every record's text in the locale) and the glossary's terms. */
export function searchWords(texts: readonly string[], terms: readonly string[]): SearchWords {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of text.normalize('NFKC').toLowerCase().match(latinWord) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const words = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
  return { words, terms: [...new Set(terms)] };
}

/** Edits (insert, delete, substitute, swap two neighbours) between `a` and `b`, or `limit + 1` once it is over `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = t.map((_, j) => j + 1);
  previous.unshift(0);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return Math.min(previous[t.length]!, limit + 1);
}

/** The nearest known words to `word`: one edit for words of up to four letters, two above. */
function nearestWords(word: string, words: readonly string[], count: number): string[] {
  const limit = [...word].length <= 4 ? 1 : 2;
  return words
    .map((known, rank) => ({ known, rank, distance: editDistance(word, known, limit) }))
    .filter((c) => c.distance <= limit && c.known !== word)
    .sort((a, b) => a.distance - b.distance || a.rank - b.rank)
    .slice(0, count)
    .map((c) => c.known);
}

/** Glossary terms sharing at least half of their characters with the Han text of `query`. */
function nearestTerms(query: string, terms: readonly string[], map: FoldMap, count: number): string[] {
  const wanted = new Set(foldChars(query, map).match(/\p{Script=Han}/gu) ?? []);
  if (!wanted.size) return [];
  return terms
    .map((term, rank) => {
      const chars = new Set(foldChars(term, map));
      const shared = [...chars].filter((ch) => wanted.has(ch)).length;
      return { term, rank, shared, score: shared / Math.max(chars.size, wanted.size) };
    })
    .filter((c) => c.shared > 0 && c.score >= 0.5 && foldChars(c.term, map) !== foldChars(query, map))
    .sort((a, b) => b.score - a.score || b.shared - a.shared || a.rank - b.rank)
    .slice(0, count)
    .map((c) => c.term);
}

/**
 * Up to `count` queries to offer instead of `query`: for one Latin word, the nearest words;
 * for several, the query with each unknown word replaced by its nearest; for Chinese, the
 * nearest glossary terms.
 */
export function suggestions(query: string, vocabulary: SearchWords, map: FoldMap, count = 3): string[] {
  const text = query.normalize('NFKC');
  if (/\p{Script=Han}/u.test(text)) return nearestTerms(text, vocabulary.terms, map, count);
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!tokens.length) return [];
  const known = new Set(vocabulary.words);
  if (tokens.length === 1) return known.has(tokens[0]!) ? [] : nearestWords(tokens[0]!, vocabulary.words, count);
  let changed = false;
  const fixed = tokens.map((token) => {
    if (known.has(token) || [...token].length < 3) return token;
    const [best] = nearestWords(token, vocabulary.words, 1);
    if (best === undefined) return token;
    changed = true;
    return best;
  });
  return changed ? [fixed.join(' ')] : [];
}
