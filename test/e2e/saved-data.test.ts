/**
 * 200 random or corrupted saved payloads: the quiz and the self-assessment keep working with
 * no uncaught error, and every payload they cannot read is kept aside, byte for byte.
 */
import { expect, test } from 'vitest';
import { seededRandom } from '../../src/lib/random';
import { readQuizProgress } from '../../src/lib/saved-quiz';
import { storageKeys } from '../../src/lib/saved-state';
import { readSelfAssessment } from '../../src/lib/saved-assessment';
import { answersFit } from '../../src/lib/rubric-model';
import { liveRubric } from '../support/live-course';
import { quizPart, selfAssessmentPart } from '../support/parts';
import { useBrowser } from '../support/pages';
import { answerQuestion } from '../support/quiz';
import { corrupted, randomPayload } from '../support/payloads';

const site = useBrowser();
const { levels } = liveRubric('alibaba-customer-first');

const validQuiz = { version: 1, order: [], answers: { 'case-alibaba-l1-cancelled-booking': { choice: ['1', 'falls-short'], correct: true } } };
const validSelf = { version: 1, rubric: 'alibaba-customer-first', answers: { 1: 'no-incident' }, notes: { 1: 'x' }, name: '', period: '' };

/** Texts to store: JSON of random and corrupted payloads, and some that are not JSON at all. */
function payloads(valid: object, seed: number, count: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) =>
    i % 10 === 0 ? ['', '{', 'null', 'undefined', '[]', '\u0000', '{"version":1'][i % 7]! : JSON.stringify(i % 2 ? corrupted(valid, random) : randomPayload(random)),
  );
}

const pages = [
  {
    route: 'en/quiz/',
    key: storageKeys.quiz('alibaba-customer-first'),
    /** What the page keeps aside: nothing when it reads the text. */
    keptAside: (text: string) => (readQuizProgress(JSON.parse(text)) !== undefined ? [] : [text]),
    payloads: payloads(validQuiz, 7, 100),
    works: async (page: import('playwright-core').Page) => {
      const q = page.locator(quizPart('question')).first();
      await answerQuestion(q, true);
      await q.locator(quizPart('feedback')).waitFor();
    },
  },
  {
    route: 'en/self-assessment/',
    key: storageKeys.selfAssessment('alibaba-customer-first'),
    // Readable data whose answer a level no longer allows, or with a level the rubric does not have, is shown
    // without it; the data is kept aside as it was read.
    keptAside: (text: string) => {
      const value = readSelfAssessment(JSON.parse(text));
      if (value?.rubric !== 'alibaba-customer-first') return [text];
      const unknownLevel = Object.keys(value.notes).some((level) => !levels.some((rule) => String(rule.level) === level));
      return answersFit(levels, value.answers) && !unknownLevel ? [] : [JSON.stringify(value)];
    },
    payloads: payloads(validSelf, 11, 100),
    works: async (page: import('playwright-core').Page) => {
      await page.locator('input[name="answer-1"][value="incident"]').check();
      await expect.poll(() => page.locator(selfAssessmentPart('summary')).first().textContent()).toBe(`Score 0 of ${levels.length}: the scoring stopped at level 1.`);
    },
  },
];

test.each(pages)('$route survives 100 bad payloads', { timeout: 240_000 }, async ({ route, key, keptAside: expected, payloads: texts, works }) => {
  const { page, errors } = await site.open(route);
  let keptAside = 0;
  for (const [i, text] of texts.entries()) {
    await page.evaluate(([k, v]) => {
      localStorage.clear();
      localStorage.setItem(k!, v!);
    }, [key, text]);
    await page.reload();
    const aside = await page.evaluate((k) => Object.keys(localStorage).filter((x) => x.startsWith(`${k}/kept-aside/`)).map((x) => localStorage.getItem(x)), key);
    let expectedAside: string[];
    try {
      expectedAside = expected(text);
    } catch {
      expectedAside = [text];
    }
    expect(aside, text).toEqual(expectedAside);
    if (expectedAside[0] === text) keptAside++;
    if (i % 20 === 0) await works(page);
  }
  expect(keptAside).toBeGreaterThan(80);
  expect(errors).toEqual([]);
  await page.context().close();
});
