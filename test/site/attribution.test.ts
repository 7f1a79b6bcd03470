/**
 * The site's words never pass for the sources': every text the site wrote (case titles, readings,
 * glossary explanations, rule summaries) and every statement it filled in
 * from another source carries its mark wherever a page shows it.
 */
import type { HTMLElement } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { dictionaries, locales, type Locale } from '../../src/lib/i18n';
import { inLocale, type Localized } from '../../src/lib/localized';
import { yamlEntries } from '../support/content-files';
import { builtPages } from '../support/site';

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
