/**
 * The quiz tests the sources' cases as the sources' cases: no case that is the site's reading of
 * the speech is graded (each is put up for discussion instead), every source case is asked, a scoring
 * scenario is made of the sources' cases only, and the half point is said to be the manager's.
 */
import { describe, expect, test } from 'vitest';
import { dictionaries, locales } from '../../src/lib/i18n';
import { yamlEntries } from '../support/content-files';
import { builtPages, page } from '../support/site';
import { testBase } from '../support/build-site';

const cases = yamlEntries('cases').map((e) => ({ id: e.id, ...(e.data as { origin: string; quiz?: boolean }) }));
const readings = cases.filter((c) => c.origin === 'site-reading');

describe.each(locales)('%s', (locale) => {
  const t = dictionaries[locale];
  const quiz = page(`${testBase}${locale}/quiz/`).root;

  test('no site reading is graded: every one is kept out of the quiz, on the quiz page and in every guide’s practice quiz', () => {
    expect(readings.length).toBeGreaterThan(1);
    const quizPages = builtPages().filter((p) => p.url.includes(`/${locale}/`) && p.root.querySelector('case-quiz'));
    expect(quizPages.length).toBeGreaterThan(1);
    for (const reading of readings) {
      expect(reading.quiz, `${reading.id}: quiz`).toBe(false);
      for (const p of quizPages) expect(p.root.querySelector(`[data-question="case-${reading.id}"]`), `${reading.id} on ${p.url}`).toBeNull();
    }
    for (const source of cases.filter((c) => c.origin === 'source')) {
      expect(quiz.querySelector(`[data-question="case-${source.id}"]`), source.id).not.toBeNull();
      expect(quiz.querySelector(`[data-question="case-${source.id}"] .origin-note`), source.id).toBeNull();
    }
  });

  test('scoring scenarios are records of the sources’ cases only, and say who decides a half point', () => {
    const scenarios = quiz.querySelectorAll('[data-question^="scenario-"]');
    expect(scenarios.length).toBeGreaterThan(0);
    for (const scenario of scenarios) {
      for (const a of scenario.querySelectorAll('.record a')) expect(readings.map((r) => `/cases/${r.id}/`).some((p) => a.getAttribute('href')!.endsWith(p))).toBe(false);
    }
    const keys = new Map((JSON.parse(quiz.querySelector('case-quiz')!.getAttribute('data-config')!) as { questions: { id: string; key: string[] }[] }).questions.map((q) => [q.id, q.key]));
    const half = scenarios.filter((s) => keys.get(s.getAttribute('data-question')!)![0]!.includes('.5'));
    expect(half.length).toBeGreaterThan(0);
    for (const s of half) expect(s.textContent).toContain(t.quiz.halfPointNote);
  });

  test('the self-assessment says the half point is possible, not automatic, and the manager’s to give', () => {
    const form = page(`${testBase}${locale}/self-assessment/`).root;
    expect(form.querySelectorAll('.assessment-level').filter((l) => l.querySelector('input[value="mitigated-incident"]'))).toHaveLength(1);
    const level = form.querySelectorAll('.assessment-level').find((l) => l.querySelector('input[value="mitigated-incident"]'))!;
    expect(level.textContent).toContain(t.selfAssessment.halfPointNote);
  });
});
