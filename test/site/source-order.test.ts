import { fill } from '../../src/lib/template';
/**
 * The sources' order and numbering kept: each case's `position` is its place in its level's list
 * in the captured source, every list of cases follows it and shows it ("source item n"), and the
 * site's readings stand apart from the cases that meet or fall short, in lists and in counts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { dictionaries, htmlLang, locales } from '../../src/lib/i18n';
import { formatter } from '../../src/lib/i18n/format';
import { projectRoot } from '../support/astro-cli';
import { testBase } from '../support/build-site';
import { yamlEntries } from '../support/content-files';
import { page } from '../support/site';

interface Case {
  id: string;
  rubric: string;
  level: number;
  verdict: string;
  origin: string;
  position?: number;
  text: { 'zh-hant': string };
}
const cases = yamlEntries('cases').map((e) => ({ id: e.id, ...(e.data as Omit<Case, 'id'>) }));
const sourceCases = cases.filter((c) => c.origin === 'source');
const readings = cases.filter((c) => c.origin === 'site-reading');
/** The captured Alibaba article, from its rubric section on. */
const seed = readFileSync(join(projectRoot, 'test/fixtures/seeds/002_d7cbe9f21f078d28.txt'), 'utf8');
// The repost writes the heading 三、評分标準設置, with a Simplified 标.
const rubricStart = seed.indexOf('三、評分');
if (rubricStart < 0) throw new Error('the captured source has no rubric section (三、評分…)');
const rubricSection = seed.slice(rubricStart).replace(/[^\p{Script=Han}]/gu, '');

/** Where a case's text starts in the captured source: the first run of its Han characters found there (the repost mixes in Simplified forms). */
function placeInSeed(c: Case): number {
  const han = [...c.text['zh-hant'].matchAll(/\p{Script=Han}/gu)].map((m) => m[0]).join('');
  for (let at = 0; at + 5 <= han.length; at++) {
    const found = rubricSection.indexOf(han.slice(at, at + 5));
    if (found >= 0) return found - at;
  }
  throw new Error(`${c.id}: its text is nowhere in the captured source`);
}

/** The cases of one list (a rubric's level and verdict), in `position` order. */
const lists = new Map<string, Case[]>();
for (const c of sourceCases) {
  const key = `${c.rubric} ${c.level} ${c.verdict}`;
  lists.set(key, [...(lists.get(key) ?? []), c]);
}

test('each source case’s position is its place in its level’s list in the captured source', () => {
  expect(lists.size).toBeGreaterThanOrEqual(5);
  for (const [key, list] of lists) {
    const bySeed = [...list].sort((a, b) => placeInSeed(a) - placeInSeed(b)).map((c) => c.id);
    const byPosition = [...list].sort((a, b) => a.position! - b.position!).map((c) => c.id);
    expect(byPosition, key).toEqual(bySeed);
    expect(list.map((c) => c.position).sort(), key).toEqual(list.map((_, i) => i + 1));
  }
});

describe.each(locales)('%s', (locale) => {
  const t = dictionaries[locale];
  const linkedIds = (el: HTMLElement) =>
    el.querySelectorAll('a').map((a) => /\/cases\/([^/]+)\/$/.exec(a.getAttribute('href') ?? '')?.[1]).filter((id): id is string => !!id);

  test('the case library lists each level’s cases in the source’s order and shows each one’s item number', () => {
    const library = page(`${testBase}${locale}/cases/`).root;
    for (const [key, list] of lists) {
      const [rubric, level] = key.split(' ');
      const ids = linkedIds(library.querySelector(`#${rubric}-level-${level}`)!.parentNode! as HTMLElement);
      const expected = [...list].sort((a, b) => a.position! - b.position!).map((c) => c.id);
      expect(ids.filter((id) => expected.includes(id)), key).toEqual(expected);
    }
    for (const c of sourceCases) {
      const item = library.querySelectorAll('.case-list li').find((li) => li.querySelector(`a[href$="/cases/${c.id}/"]`))!;
      expect(item.querySelector('.source-item')?.textContent, c.id).toBe(fill(t.cases.sourceItem, { position: c.position! }));
    }
  });

  test('the rubric page lists each level’s cases in the source’s order', () => {
    const rubric = page(`${testBase}${locale}/rubrics/alibaba-customer-first/`).root;
    for (const [key, list] of lists) {
      const level = key.split(' ')[1];
      const ids = linkedIds(rubric.querySelector(`#level-${level}`)!);
      const expected = [...list].sort((a, b) => a.position! - b.position!).map((c) => c.id);
      expect(ids.filter((id) => expected.includes(id)), key).toEqual(expected);
    }
  });

  test('the site’s readings are for discussion: under their own heading, out of the lists and counts of cases that meet or fall short', () => {
    expect(readings.length).toBeGreaterThan(0);
    const byVerdict = page(`${testBase}${locale}/cases/by-verdict/`).root;
    for (const verdict of ['meets', 'falls-short']) {
      const section = byVerdict.querySelector(`#alibaba-customer-first-${verdict}`)!.parentNode! as HTMLElement;
      const ids = linkedIds(section);
      for (const r of readings) expect(ids, `${r.id} among ${verdict}`).not.toContain(r.id);
      const count = sourceCases.filter((c) => c.verdict === verdict).length;
      expect(section.querySelector('h3 .count')!.textContent, verdict).toContain(formatter(htmlLang[locale])(t.cases.count, { count }));
    }
    const discussion = byVerdict.querySelector('#alibaba-customer-first-for-discussion')!;
    expect(discussion.textContent).toContain(t.cases.discussionHeading);
    expect(linkedIds(discussion.parentNode!).sort()).toEqual(readings.map((r) => r.id).sort());
    for (const r of readings) {
      const casePage = page(`${testBase}${locale}/cases/${r.id}/`).root;
      expect(casePage.querySelector('.case-facts .verdict')?.textContent, r.id).toBe(t.cases.discussion);
      expect(casePage.querySelector('.case-facts .verdict')?.closest('[data-by="site"]'), r.id).not.toBeNull();
    }
  });

  test('each source case’s page shows its item number and the site’s note, marked as the site’s', () => {
    for (const c of sourceCases) {
      const root = page(`${testBase}${locale}/cases/${c.id}/`).root;
      expect(root.querySelector('.case-facts')!.textContent, c.id).toContain(fill(t.cases.sourceItem, { position: c.position! }));
      const note = root.querySelector('#note')?.parentNode;
      expect(note?.querySelector('[data-by="site"]'), c.id).toBeTruthy();
    }
  });
});
