/**
 * The site's words never pass for the sources': every text the site wrote (case titles, readings,
 * notes, glossary explanations, rule summaries) and every statement it filled in from another
 * source carries its mark wherever a page shows it, and wherever a search result shows it, in
 * whatever window of a record the excerpt shows.
 */
import { readFileSync } from 'node:fs';
import type { HTMLElement } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { searchRecordsArtefact } from '../../src/build/search-index';
import { dictionaries, locales, type Locale } from '../../src/lib/i18n';
import { inLocale, type Localized } from '../../src/lib/localized';
import { parseSearchIndexFile } from '../../src/schemas/search-index';
import { yamlEntries } from '../support/content-files';
import { builtPages, siteDir } from '../support/site';

type Data = Record<string, any>;
const data = (folder: string) => yamlEntries(folder).map((e) => e.data as Data);

/** The texts the site wrote or filled in, as `locale` prints them. */
function markedTexts(locale: Locale): string[] {
  const text = (value: Localized) => inLocale(value, locale);
  const cases = data('cases');
  const levels = data('rubrics').flatMap((r) => r.levels as Data[]);
  return [
    ...cases.map((c) => text(c.title)),
    ...cases.flatMap((c) => (c.reading ? [text(c.reading)] : [])),
    ...cases.flatMap((c) => (c.note ? [text(c.note)] : [])),
    ...data('glossary').map((g) => text(g.definition)),
    ...Object.values(dictionaries[locale].rubric.evidence),
    ...levels.filter((l) => l.statementSource).map((l) => text(l.statement)),
  ];
}

/** Each element's own text (its text nodes, not its children's). */
function ownText(el: HTMLElement): string {
  return el.childNodes.filter((n) => n.nodeType === 3).map((n) => n.text).join('').replace(/\s+/g, ' ');
}

describe.each(locales)('%s', (locale) => {
  const texts = markedTexts(locale);
  const pages = builtPages().filter((p) => p.url.includes(`/${locale}/`));

  test('the list of texts to check is complete enough to mean something', () => {
    expect(texts.length).toBeGreaterThan(40);
    expect(pages.length).toBeGreaterThan(25);
  });

  test('every page shows them only with their mark', () => {
    const unmarked: string[] = [];
    let seen = 0;
    for (const page of pages) {
      for (const el of page.root.querySelector('body')!.querySelectorAll('*')) {
        const own = ownText(el);
        // A source passage may use the same words as a title the site gave it: there they are the source's.
        if (own.trim() === '' || el.closest('.source-text, .case-text, .pair')) continue;
        for (const t of texts) {
          if (!own.includes(t.replace(/\s+/g, ' '))) continue;
          seen++;
          if (!el.closest('[data-by]')) unmarked.push(`${page.url}: ${t.slice(0, 40)}`);
        }
      }
    }
    expect(seen).toBeGreaterThan(100);
    expect(unmarked).toEqual([]);
  });

  test('the footer says what the marks mean', () => {
    for (const page of pages) expect(page.root.querySelector('footer')!.textContent, page.url).toContain(dictionaries[locale].attribution.legend);
  });
});

/** Every text of the content by who wrote it, as `locale` prints it: the sources, the site, or filled in from another source. */
function authoredTexts(locale: Locale): { source: string[]; site: string[]; filled: string[] } {
  const text = (value: Localized) => inLocale(value, locale);
  const texts = (values: unknown[]) => values.filter(Boolean).map((v) => text(v as Localized));
  const cases = data('cases');
  const rubrics = data('rubrics');
  const levels = rubrics.flatMap((r) => r.levels as Data[]);
  const sources = data('sources');
  const speeches = data('speech');
  const values = data('values');
  return {
    source: [
      ...speeches.flatMap((s) => texts([...s.lead.paragraphs, ...s.body.paragraphs])),
      ...values.flatMap((v) => texts([...v.featured.statements, ...v.values.items])),
      ...levels.flatMap((l) => texts([l.statementSource ? undefined : l.statement, ...l.meaning, l.rule, l.halfPoint?.text, l.noCases])),
      ...texts(cases.map((c) => c.text)),
      ...texts(sources.map((s) => s.credit)),
    ],
    site: [
      ...texts(cases.map((c) => c.title)),
      ...texts(cases.flatMap((c) => [c.reading, c.note])),
      ...texts(data('glossary').map((g) => g.definition)),
      ...texts(sources.map((s) => s.description)),
    ],
    filled: [
      ...texts(levels.map((l) => (l.statementSource ? l.statement : undefined))),
      ...texts(rubrics.flatMap((r) => [r.combination.text, r.weight.text, r.process.text])),
      ...texts(sources.flatMap((s) => s.fills ?? [])),
    ],
  };
}

/**
 * Runs of `size` characters of a text's own words: quotations in it (「…」, “…”, ‘…’) are the
 * sources' words, so no run crosses or includes one.
 */
function ownRuns(text: string, size: number): string[] {
  return text
    .split(/「[^」]*」|“[^”]*”|‘[^’]*’|『[^』]*』/)
    .flatMap((part) => Array.from({ length: Math.max(0, part.length - size + 1) }, (_, i) => part.slice(i, i + size)))
    .filter((run) => run.trim().length === size);
}

describe.each(locales)('search records, %s', (locale) => {
  const t = dictionaries[locale];
  const file = searchRecordsArtefact(siteDir());
  const records = parseSearchIndexFile(readFileSync(file, 'utf8'), file).locales.find((l) => l.locale === locale)!.records;
  const { source, site, filled } = authoredTexts(locale);
  // Runs long enough to be one author's wording, and found in no other author's text: where the
  // site's explanation repeats a source's words, those words are not what tells them apart.
  const size = locale === 'en' ? 40 : 12;
  const distinct = (own: string[], others: string[]) => {
    const joined = others.join('\n');
    return [...new Set(own.flatMap((s) => ownRuns(s, size)))].filter((run) => !joined.includes(run));
  };
  const siteRuns = distinct(site, [...source, ...filled]);
  const filledRuns = distinct(filled, [...source, ...site]);

  test('the runs to look for are enough to mean something', () => {
    expect(records.length).toBeGreaterThan(60);
    expect(siteRuns.length).toBeGreaterThan(500);
    expect(filledRuns.length).toBeGreaterThan(5);
  });

  /**
   * An excerpt is a window of a record's content cut anywhere. Every window that shows the site's
   * or filled-in words must show their mark: the client marks every excerpt of a record with its
   * `contentMark`, so a record whose content holds such words needs that mark, and the right one
   * (a record mixing the site's and filled-in words could not carry both).
   */
  test('every window of every record that shows the site’s or filled-in words shows their mark', () => {
    const wrong: string[] = [];
    let seen = 0;
    for (const r of records) {
      const window = 36 + 72;
      for (let start = 0; start < Math.max(1, r.content.length - window + 1); start += 8) {
        const excerpt = r.content.slice(start, start + window);
        const bySite = siteRuns.some((run) => excerpt.includes(run));
        const byFiller = filledRuns.some((run) => excerpt.includes(run));
        if (bySite || byFiller) seen++;
        if (bySite && r.contentMark?.text !== t.attribution.site) wrong.push(`${r.route} (site’s words) at ${start}: ${excerpt.slice(0, 30)}`);
        if (byFiller && r.contentMark?.text !== t.attribution.filled) wrong.push(`${r.route} (filled in) at ${start}: ${excerpt.slice(0, 30)}`);
      }
    }
    expect(seen).toBeGreaterThan(20);
    expect([...new Set(wrong)]).toEqual([]);
  });

  test('a filled-in mark names the source it was filled from', () => {
    const marked = records.filter((r) => r.contentMark?.text === t.attribution.filled);
    expect(marked.length).toBeGreaterThan(0);
    for (const r of marked) expect(r.contentMark!.long, r.route).not.toBe(t.attribution.siteLong);
  });

  test('a case’s title, the site’s, is marked in every record of the case', () => {
    const titles = data('cases').map((c) => inLocale(c.title as Localized, locale));
    const cases = records.filter((r) => titles.includes(r.title));
    expect(cases.length).toBeGreaterThanOrEqual(titles.length);
    for (const r of cases) expect(r.titleMark?.text, r.route).toBe(t.attribution.site);
  });

  test('the site’s readings are filtered as the site’s, never as the company whose words they read', () => {
    const readings = yamlEntries('cases').filter((e) => (e.data as Data).origin === 'site-reading');
    expect(readings.length).toBeGreaterThan(0);
    for (const { id } of readings) {
      const of = records.filter((r) => r.route.startsWith(`cases/${id}/`));
      expect(of.length, id).toBeGreaterThanOrEqual(2);
      for (const r of of) expect([r.filters.source, r.filters.verdict], r.route).toEqual(['site', 'for-discussion']);
    }
  });
});
