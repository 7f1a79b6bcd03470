/**
 * Nothing lost, nothing of the web page's noise kept: every clause that shared/SOURCES.md marks
 * as content in the two seed documents must be on the built zh-Hant pages (compared after
 * folding Simplified/variant forms and punctuation), and the noise must not be.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { foldForComparison } from '../../src/lib/text';
import { yamlEntries } from '../support/content-files';
import { builtPages, textOf } from '../support/site';

interface SeedMap {
  /** Inclusive line ranges that are content. */
  lines: [number, number][];
  /** Metadata lines, checked as their values (labels such as 「更新时间」 are page chrome). */
  metadata: string[];
  /** Distinctive strings of the web page's noise. */
  noise: string[];
}

const seeds: Record<string, SeedMap> = {
  '000_0941f4fd41b01103.txt': {
    lines: [
      [1, 1],
      [3, 6],
      [8, 25],
    ],
    metadata: ['鉅亨網新聞中心', '2013-03-18 17:20'],
    noise: ['最新遺產稅怎麼算', '掌握全球財經資訊點我下載APP', '[NT:PAGE=$]所以'],
  },
  '002_d7cbe9f21f078d28.txt': {
    lines: [
      [14, 14],
      [18, 26],
      [28, 28],
      [32, 76],
      [78, 78],
    ],
    metadata: ['阿裡巴巴企業價值觀念', '2024-11-16 07:55:49', '鄧玉金', '一、阿裡巴巴的價值觀'],
    noise: ['阿裡巴巴企業價值觀念(阿裡巴巴公司價值觀實施細則)1', 'Welcome to tft每日頭條 comments', '6歲小孩被噎住怎麼辦', '社保狀态顯示暫停參保', '冥想初學者20條實用方法', '成釉細胞瘤刮骨術後', '巧克力的含義', 'Copyright 2023-2024'],
  },
};

/** Clauses of a line: split at sentence and clause punctuation, list markers and spaces. */
function clauses(line: string): string[] {
  return line
    .replace(/\[NT:PAGE=\$\]/g, '')
    .split(/[。；;！!？?：:\s•]+|\d+[)）]|\d+\.\s/)
    .map(foldForComparison)
    .filter((c) => c.length > 0);
}

function seedLines(file: string): string[] {
  return readFileSync(new URL(`../fixtures/seeds/${file}`, import.meta.url), 'utf8').split('\n');
}

/** Dates as the seeds write them, shown in the language's way: the seed's form is the `<time>`'s `datetime`. */
const zhDatetimes = () =>
  builtPages()
    .filter((p) => p.url.includes('/zh-hant/'))
    .flatMap((p) => p.root.querySelectorAll('time[datetime]').map((time) => time.getAttribute('datetime')));

const zhText = () =>
  foldForComparison(
    builtPages()
      .filter((p) => p.url.includes('/zh-hant/'))
      .map(textOf)
      .join(' '),
  );

describe.each(Object.entries(seeds))('seed %s', (file, map) => {
  test('every clause of its content is on the zh-Hant pages', () => {
    const site = zhText();
    const datetimes = zhDatetimes();
    const lines = seedLines(file);
    const missing: string[] = [];
    let checked = 0;
    for (const [from, to] of map.lines) {
      for (let n = from; n <= to; n++) {
        for (const clause of clauses(lines[n - 1] ?? '')) {
          checked++;
          if (!site.includes(clause)) missing.push(`line ${n}: ${clause}`);
        }
      }
    }
    for (const value of map.metadata) {
      checked++;
      if (!site.includes(foldForComparison(value)) && !datetimes.includes(value)) missing.push(`metadata: ${value}`);
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  test('none of its noise is on any page', () => {
    const all = builtPages().map((p) => p.html).join('\n');
    for (const noise of map.noise) expect(all).not.toContain(noise);
  });
});

test('the Simplified forms the sources page names are gone from the zh-Hant text', () => {
  const text = builtPages()
    .filter((p) => p.url.includes('/zh-hant/') && !p.url.endsWith('/sources/'))
    .map(textOf)
    .join(' ');
  for (const form of ['先人后企', '然后', '最后', '标準', '明确', '赢得', '态度', '内部', '阿裡巴巴', '推诿', '采購']) {
    expect(text).not.toContain(form);
  }
});

describe('every text exists in both languages', () => {
  /** Every `{ zh-hant, en }` object anywhere in a content file, with its path. */
  function localized(value: unknown, path: string): [string, Record<string, unknown>][] {
    if (Array.isArray(value)) return value.flatMap((v, i) => localized(v, `${path}.${i}`));
    if (value && typeof value === 'object') {
      const own: [string, Record<string, unknown>][] =
        typeof (value as Record<string, unknown>)['zh-hant'] === 'string' ? [[path, value as Record<string, unknown>]] : [];
      return own.concat(Object.entries(value).flatMap(([k, v]) => localized(v, `${path}.${k}`)));
    }
    return [];
  }

  test.each(['speech', 'values', 'rubrics', 'cases', 'glossary', 'sources'])('content/%s', (folder) => {
    for (const entry of yamlEntries(folder)) {
      const texts = localized(entry.data, entry.filePath);
      expect(texts.length).toBeGreaterThan(0);
      for (const [path, text] of texts) {
        // Names such as a domain are the same in both languages; anything else is Chinese.
        if (text['zh-hant'] !== text.en) expect(text['zh-hant'], path).toMatch(/\p{Script=Han}/u);
        expect(text.en, path).toMatch(/[A-Za-z]{2}/);
        expect(text.en, path).not.toMatch(/TRANSLATE/);
      }
    }
  });

  test('each paragraph of the speech is on the English speech page in English', () => {
    const [speech] = yamlEntries('speech') as { data: { body: { paragraphs: { id: string; en: string }[] } } }[];
    const enPage = builtPages().find((p) => p.url.endsWith('/en/speech/'))!;
    for (const paragraph of speech!.data.body.paragraphs) {
      const node = enPage.root.querySelector(`#${paragraph.id} p[lang="en"]`);
      expect(node?.textContent.replace(/\s+/g, ' ').trim(), paragraph.id).toBe(paragraph.en.replace(/\s+/g, ' ').trim());
    }
  });
});
