/**
 * The feedback talk's logic: which files open (a self-assessment from before the review page
 * existed, a talk), why others do not, and where the two sides differ with the question to settle.
 */
import { describe, expect, test } from 'vitest';
import { differences, emptyTalk, openTalkFile, talkFrom } from '../../src/lib/feedback-talk';
import type { LevelRule } from '../../src/lib/rubric-model';
import { limits, readFeedbackTalk } from '../../src/lib/saved-state';
import { readYaml } from '../support/content-files';
import { hostileFiles, markup } from '../support/payloads';

const rubric = 'alibaba-customer-first';
const rules = (readYaml(`rubrics/${rubric}.yaml`) as { levels: LevelRule[] }).levels;
/** A self-assessment as the self-assessment page has downloaded it since before the review page. */
const oldSelf = {
  version: 1,
  rubric,
  answers: { 1: 'no-incident', 2: 'no-incident', 3: 'example', 4: 'example' },
  notes: { 3: 'Found the right team for a seller whose refund was stuck.' },
  name: 'Lin',
  period: '2026 Q4',
} as const;
const talk = {
  ...talkFrom(oldSelf),
  manager: { name: 'Chen', period: '2026 Q4', answers: { 1: 'mitigated-incident', 2: 'no-incident', 3: 'example', 4: 'no-example' }, notes: { 4: 'Which buyer?' } },
  agreed: { answers: { 1: 'no-incident', 2: 'no-incident', 3: 'example', 4: 'no-example' }, nextStep: 'A level 4 case next quarter.' },
} as const;

describe('opening a file', () => {
  test('a self-assessment file from before the review page opens as a talk with nothing assessed or agreed yet', () => {
    const opened = openTalkFile(structuredClone(oldSelf), rubric, rules);
    expect(opened).toEqual({
      ok: true,
      talk: {
        version: 1,
        kind: 'feedback-talk',
        rubric,
        self: oldSelf,
        manager: { name: '', period: '2026 Q4', answers: {}, notes: {} },
        agreed: { answers: {}, nextStep: '' },
      },
    });
  });

  test('a talk opens with its three parts as they were, and is a valid talk', () => {
    expect(openTalkFile(structuredClone(talk), rubric, rules)).toEqual({ ok: true, talk });
    expect(readFeedbackTalk(talk)).toEqual(talk);
    expect(readFeedbackTalk(emptyTalk(rubric))).toEqual(emptyTalk(rubric));
  });

  test('every damaged, hostile, other-rubric or newer file gets its own problem, and markup opens as it is', () => {
    const files = hostileFiles(oldSelf, talk);
    expect(files.filter((f) => f.problem).length).toBeGreaterThanOrEqual(50);
    for (const file of files) {
      let raw: unknown;
      try {
        raw = file.bytes.length > limits.fileBytes ? undefined : JSON.parse(file.bytes.toString('utf8'));
      } catch {
        raw = undefined;
      }
      const opened = openTalkFile(raw, rubric, rules);
      expect(opened.ok ? undefined : opened.problem, file.label).toBe(file.problem);
    }
    const withMarkup = files.filter((f) => !f.problem).map((f) => JSON.parse(f.bytes.toString('utf8')));
    expect(withMarkup.map((t) => t.self.notes[3])).toEqual(markup);
  });
});

describe('differences', () => {
  test('only levels both sides answered, differently; the question follows the level’s rule', () => {
    expect(differences(rules, talk.self.answers, talk.manager.answers)).toEqual([
      { level: 1, question: 'half-point' },
      { level: 4, question: 'requires-conforming' },
    ]);
    expect(differences(rules, { 2: 'no-incident', 5: 'example' }, { 2: 'incident' })).toEqual([{ level: 2, question: 'granted-unless-nonconforming' }]);
    expect(differences(rules, { 1: 'incident' }, { 1: 'no-incident' })).toEqual([{ level: 1, question: 'granted-unless-nonconforming' }]);
    expect(differences(rules, talk.self.answers, talk.self.answers)).toEqual([]);
    expect(differences(rules, {}, talk.manager.answers)).toEqual([]);
  });
});
