/**
 * The Simplified Chinese edition's text, generated from the Traditional source at build time:
 * OpenCC from Taiwan Traditional to mainland Simplified with mainland phrasing, except for the
 * reviewed overrides in content/zh-hans-overrides.json (terms its phrasing gets wrong here); the
 * UI dictionary is derived with the same setting and its own terms (src/lib/i18n/zh-hans.ts).
 * Build-time only: nothing imports this into the browser, so the tables never ship.
 */
import { Converter } from 'opencc-js';
import overrides from '../../content/zh-hans-overrides.json';

const convert = Converter({ from: 'twp', to: 'cn' });

/** A term OpenCC's phrasing gets wrong in a text, as a reviewer wrote it, and why. */
export interface ReviewedTerm {
  traditional: string;
  simplified: string;
  why: string;
}

/** Corner brackets as Taiwan prints them, and the quotation marks a mainland reader expects. */
const mainlandQuotes: Record<string, string> = { '「': '“', '」': '”', '『': '‘', '』': '’' };

/**
 * Traditional text as the Simplified edition prints it: the one converter setting, except for
 * `terms`, which stay as reviewed (longest first); converted once per text.
 */
export function simplifier(terms: readonly ReviewedTerm[]): (text: string) => string {
  const cache = new Map<string, string>();
  const reviewed = new Map(terms.map((o) => [o.traditional, o.simplified]));
  const termPattern = new RegExp(`(${[...reviewed.keys()].sort((a, b) => b.length - a.length).join('|')})`, 'u');
  return (text) => {
    let simplified = cache.get(text);
    if (simplified === undefined) {
      simplified = (reviewed.size ? text.split(termPattern) : [text])
        .map((part) => reviewed.get(part) ?? convert(part))
        .join('')
        .replace(/[「」『』]/g, (mark) => mainlandQuotes[mark]!);
      cache.set(text, simplified);
    }
    return simplified;
  };
}

/** Content text as the site's Simplified edition prints it, with the content's reviewed overrides. */
export const toSimplified = simplifier(overrides);

/**
 * Splits text that quotes Traditional source forms (「阿裡巴巴」, 标→標) into those quotations,
 * which the Simplified edition keeps as they are, and the explanation around them.
 */
export function quotedForms(text: string): { text: string; quoted: boolean }[] {
  return text
    .split(/(「[^」]*」|[\p{Script=Han}]+→[\p{Script=Han}]+)/u)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, quoted: /^「|→/.test(part) }));
}
