/**
 * The feedback talk's logic: which files open (a self-assessment from before the review page
 * existed, a talk), why others do not, and where the two sides differ with the question to settle.
 */
import { describe, expect, test } from 'vitest';
import { differences, emptyTalk, openTalkFile, talkFrom } from '../../src/lib/feedback-talk';
import { limits } from '../../src/lib/saved-state';
import { readFeedbackTalk } from '../../src/lib/saved-assessment';
import { alibaba as rubric, alibabaRules as rules } from '../support/course';
import { hostileFiles, markup } from '../support/payloads';

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
      dropped: [],
    });
  });

  test('a talk opens with its three parts as they were, and is a valid talk', () => {
    expect(openTalkFile(structuredClone(talk), rubric, rules)).toEqual({ ok: true, talk, dropped: [] });
    expect(readFeedbackTalk(talk)).toEqual(talk);
    expect(readFeedbackTalk(emptyTalk(rubric))).toEqual(emptyTalk(rubric));
  });

  test('every damaged, hostile, other-rubric or newer file gets its own problem; one the rubric does not fit opens without those levels; markup opens as it is', () => {
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
      if (opened.ok) expect(opened.dropped, file.label).toEqual(file.dropped ?? []);
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    const withMarkup = files.filter((f) => !f.problem && !f.dropped).map((f) => JSON.parse(f.bytes.toString('utf8')));
    expect(withMarkup.map((t) => t.self.notes[3])).toEqual(markup);
  });

  test('R8: a note for a level the rubric lacks, on either side, is left out and reported, not passed on unseen', () => {
    const self = { ...structuredClone(oldSelf), notes: { 3: oldSelf.notes[3], 9: 'Only in the file.' } };
    const opened = openTalkFile(self, rubric, rules);
    expect(opened).toMatchObject({ ok: true, dropped: [9] });
    // What the manager will download (the talk) no longer holds it.
    expect(opened.ok && opened.talk.self.notes).toEqual({ 3: oldSelf.notes[3] });
    const managerNote = { ...structuredClone(talk), manager: { ...talk.manager, notes: { 4: 'Which buyer?', 9: 'A manager’s aside.' } } };
    const fromTalk = openTalkFile(managerNote, rubric, rules);
    expect(fromTalk).toMatchObject({ ok: true, dropped: [9] });
    expect(fromTalk.ok && fromTalk.talk.manager.notes).toEqual({ 4: 'Which buyer?' });
  });

  test('L4 on the review page: only the levels the rubric no longer allows are left out, on every side, each level reported once', () => {
    const withoutHalfPoint = rules.map((r) => (r.level === 1 ? { level: 1, evidence: r.evidence } : r));
    // The manager's side claims level 1's half point; the agreed side too.
    const file = { ...structuredClone(talk), agreed: { ...talk.agreed, answers: { ...talk.agreed.answers, 1: 'mitigated-incident' } } };
    const opened = openTalkFile(file, rubric, withoutHalfPoint);
    expect(opened).toMatchObject({ ok: true, dropped: [1] });
    if (!opened.ok) return;
    expect(opened.talk.manager.answers).toEqual({ 2: 'no-incident', 3: 'example', 4: 'no-example' });
    expect(opened.talk.agreed.answers).toEqual({ 2: 'no-incident', 3: 'example', 4: 'no-example' });
    // The employee's answers all still fit; every note stays, level 1's too (only the answer is not offered).
    expect(opened.talk.self).toEqual(oldSelf);
    expect(opened.talk.manager.notes).toEqual(talk.manager.notes);
    // Unordered problems on several levels come back sorted.
    const several = openTalkFile({ ...structuredClone(oldSelf), answers: { 1: 'example', 3: 'incident', 6: 'example' } }, rubric, rules);
    expect(several).toMatchObject({ ok: true, dropped: [1, 3, 6] });
  });

  test('without rules nothing is left out (the file is opened as it is)', () => {
    const file = { ...structuredClone(oldSelf), answers: { 1: 'example' }, notes: { 9: 'x' } };
    expect(openTalkFile(file, rubric)).toEqual({ ok: true, talk: talkFrom(file as never), dropped: [] });
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
