/**
 * Every value the packages send, checked against the strictest data-model rules documented for
 * the LMSs companies use (test/support/strict-cmi.ts: Moodle 4.5's runtimes and word-character
 * identifiers of older runtimes / SCORM Driver), for a course built from the frozen fixture
 * content; and the exit's size as a whole-model LMS (Moodle 2004) posts it, for a learner who
 * wrote the longest notes the form takes.
 */
import { describe, expect, test } from 'vitest';
import { withNewInteractions, type Course, type LearnerRecord } from '../../src/lib/course';
import { limits } from '../../src/lib/saved-state';
import { scormVersions, type ScormVersion } from '../../src/lib/scorm/course';
import { reportValues, scormRuntime, sessionTime, suspendSize, type CmiValue } from '../../src/lib/scorm/report';
import { encodeSuspendData } from '../../src/lib/scorm/suspend-data';
import { alibaba, fixtureCourse, offeredChoices, quizProgress, record, selfAssessment } from '../support/course';
import { refusedBy } from '../support/scorm-runtime';
import { breaks, strictRefusals, strictRules } from '../support/strict-cmi';

const locales = ['zh-hant', 'en'] as const;
const courses = Object.fromEntries(locales.map((l) => [l, fixtureCourse(l)])) as Record<(typeof locales)[number], Course>;
const quiz = (c: Course) => c.quizzes[0]!;
const levels = (c: Course) => c.selfAssessments[0]!.levels;

/** What the launch page sends for `learner` in one sync (src/components/scorm/course-launch.ts). */
function sent(c: Course, version: ScormVersion, learner: LearnerRecord, location: string): CmiValue[] {
  const names = scormRuntime[version];
  const interactions = withNewInteractions(c, learner);
  const suspended = encodeSuspendData(c, { ...learner, interactions }, names.suspendLimit, undefined, suspendSize[names.suspendMeasure]);
  return [
    ...reportValues(c, version, learner, interactions),
    [names.exit, 'suspend'],
    [names.location, location],
    ...(suspended.data === undefined ? [] : ([[names.suspendData, suspended.data]] as CmiValue[])),
  ];
}

/** Learners giving, between them, every answer each question offers (right and wrong) and every answer each level allows. */
function everyAnswer(c: Course): LearnerRecord[] {
  const choices = quiz(c).questions.map((q) => offeredChoices(c, q));
  const answers = levels(c).map((l) => l.answers);
  const rounds = Math.max(...choices.map((x) => x.length), ...answers.map((x) => x.length));
  return Array.from({ length: rounds }, (_, k) =>
    record({
      opened: c.steps.map((s) => s.id).slice(0, k % (c.steps.length + 1)),
      quizzes: { [alibaba]: quizProgress(c, alibaba, Object.fromEntries(quiz(c).questions.map((q, i) => [q.id, choices[i]![k % choices[i]!.length]!]))) },
      selfAssessments: {
        [alibaba]: selfAssessment(alibaba, Object.fromEntries(levels(c).map((l, i) => [l.level, answers[i]![k % answers[i]!.length]!])), {
          notes: Object.fromEntries(levels(c).map((l) => [l.level, `第 ${l.level} 級 note & <b>${k}</b>\n`])),
          name: '陳靜',
        }),
      },
    }),
  );
}

/** Learners who answered the whole quiz with each possible number of wrong answers: every score, passed and failed. */
function everyScore(c: Course): LearnerRecord[] {
  const questions = quiz(c).questions;
  return questions.map((_, wrong) =>
    record({
      opened: c.steps.map((s) => s.id),
      quizzes: {
        [alibaba]: quizProgress(c, alibaba, Object.fromEntries(questions.map((q, i) => [q.id, i < wrong ? offeredChoices(c, q).find((x) => x.join() !== q.key.join())! : q.key]))),
      },
      selfAssessments: { [alibaba]: selfAssessment(alibaba, Object.fromEntries(levels(c).map((l) => [l.level, l.answers.at(-1)!]))) },
    }),
  );
}

describe('the strict rules', () => {
  test('each says where it comes from and refuses what its LMS refuses (so a pass means something)', () => {
    for (const version of scormVersions) for (const rule of strictRules[version]) expect(rule.source).toMatch(/Moodle 4\.5 mod\/scorm\/datamodels\/scorm_1[23]\.js|SCORM Driver/);
    // What the packages sent before issue 18, and what Moodle 4.5 refused (the 605 calls).
    expect(strictRefusals('2004', [['cmi.interactions.0.id', 'a.b'], ['cmi.interactions.0.type', 'choice'], ['cmi.interactions.0.learner_response', '1[,]falls-short']])).toHaveLength(2);
    expect(strictRefusals('2004', [['cmi.interactions.0.id', 'a'], ['cmi.interactions.0.type', 'likert'], ['cmi.interactions.0.learner_response', 'no-incident']])).toHaveLength(2);
    expect(strictRefusals('2004', [['cmi.interactions.0.id', 'a'], ['cmi.interactions.0.type', 'choice'], ['cmi.interactions.0.correct_responses.0.pattern', '1[,]1']])).not.toEqual([]);
    expect(strictRefusals('2004', [['cmi.interactions.0.learner_response', 'x']])).toEqual(['cmi.interactions.0.learner_response=x: set before its type (408)']);
    expect(strictRefusals('2004', [['cmi.interactions.0.id', 'alibaba-customer-first.case']])).toHaveLength(1);
    expect(strictRefusals('2004', [['cmi.interactions.0.description', '客'.repeat(252)]])).toHaveLength(1);
    expect(strictRefusals('2004', [['cmi.interactions.0.description', '{x']])).toHaveLength(1);
    expect(strictRefusals('2004', [['cmi.score.scaled', '1.5'], ['cmi.score.raw', '123456'], ['cmi.session_time', 'PT1.234S'], ['cmi.progress_measure', '1e-5']])).toHaveLength(4);
    expect(strictRefusals('2004', [['cmi.launch_data', 'x']])).toEqual(['cmi.launch_data=x: no rule']);
    expect(strictRefusals('1.2', [['cmi.core.score.raw', '100.5'], ['cmi.core.score.raw', '1000'], ['cmi.core.session_time', '1:00:00'], ['cmi.core.lesson_location', 'x'.repeat(256)]])).toHaveLength(4);
    expect(strictRefusals('1.2', [['cmi.interactions.0.id', 'a b'], ['cmi.interactions.0.type', 'choice'], ['cmi.interactions.0.student_response', '1,falls-short']])).toHaveLength(3);
    expect(breaks({ element: '', range: [0, 1], source: '' }, '1.0001')).toBe('407');
  });
});

describe.each(locales)('%s', (locale) => {
  const c = courses[locale];

  test('the fixture course is the whole rubric: case questions, scenarios of several scores, five levels', () => {
    expect(quiz(c).questions.length).toBeGreaterThanOrEqual(20);
    expect(new Set(quiz(c).questions.filter((q) => q.key.length === 1).map((q) => q.key[0])).size).toBeGreaterThan(1);
    expect(levels(c)).toHaveLength(5);
  });

  test.each(scormVersions)('SCORM %s: every value of every answer, level and score matches the strictest rules (and scorm-again)', (version) => {
    const learners = [...everyAnswer(c), ...everyScore(c)];
    const seen = { responses: new Set<string>(), scores: new Set<string>(), results: new Set<string>() };
    const response = version === '1.2' ? 'student_response' : 'learner_response';
    const raw = version === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw';
    for (const learner of learners) {
      const values = sent(c, version, learner, `${locale}/self-assessment/index.html`);
      expect(strictRefusals(version, values)).toEqual([]);
      expect(refusedBy(version, values)).toEqual([]);
      for (const [element, value] of values) {
        if (element.endsWith(response)) seen.responses.add(value);
        if (element === raw) seen.scores.add(value);
        if (element.endsWith('.result')) seen.results.add(value);
      }
    }
    // Not vacuous: every offered choice of every question and every level answer was sent, and every score.
    const offered = quiz(c).questions.flatMap((q) => offeredChoices(c, q).map((x) => x.join()));
    expect(seen.responses.size).toBeGreaterThanOrEqual(new Set(offered).size);
    expect(seen.scores.size).toBeGreaterThanOrEqual(quiz(c).questions.length);
    expect([...seen.results].sort()).toEqual(version === '1.2' ? ['correct', 'neutral', 'wrong'] : ['correct', 'incorrect', 'neutral']);
  });

  test.each(scormVersions)('SCORM %s: session times from 0 to many hours match CMITimespan', (version) => {
    const samples = [0, 1, 5, 9, 10, 994, 995, 999, 1000, 59_994, 59_995, 3_599_995, 3_600_000, 86_399_999, 100 * 3_600_000 + 1234, 9_999 * 3_600_000, 12_000 * 3_600_000];
    for (let ms = 0; ms < 3 * 3_600_000; ms += 7_919) samples.push(ms);
    const values = samples.map((ms) => [scormRuntime[version].sessionTime, sessionTime(version, ms)] as CmiValue);
    expect(strictRefusals(version, values)).toEqual([]);
  });
});

describe('the exit as a whole-model LMS posts it (Moodle 2004 StoreData)', () => {
  /**
   * Moodle's Terminate: one request whose body is the attempt's parameters, total_time, then
   * `&` + element (index `.n.` as `.Nn.`, `.` as `__`) + `=` + encodeURIComponent(value) for every
   * element set in the attempt (mod/scorm/datamodels/scorm_13.js, StoreData and CollectData).
   */
  function wholeModelPost(values: readonly CmiValue[]): string {
    const last = new Map(values);
    const params = 'id=123456&a=12345&sesskey=abcdefghij&attempt=12&scoid=123456&cmi__total_time=PT123H45M6.78S';
    return params + [...last].map(([element, value]) => `&${element.replace(/\.(\d+)\./g, '.N$1.').replace(/\./g, '__')}=${encodeURIComponent(value)}`).join('');
  }

  const c = courses['zh-hant'];
  const chinese = (level: number, length: number) => `第${level}級：客戶第一，員工第二，股東第三。`.repeat(500).slice(0, length);
  /** A learner who opened every step, answered every question and level, with notes of `length` Chinese characters and the longest name and period. */
  const learner = (length: number) =>
    record({
      opened: c.steps.map((s) => s.id),
      quizzes: { [alibaba]: quizProgress(c, alibaba, Object.fromEntries(quiz(c).questions.map((q) => [q.id, q.key]))) },
      selfAssessments: {
        [alibaba]: selfAssessment(alibaba, Object.fromEntries(levels(c).map((l) => [l.level, l.answers[0]!])), {
          notes: Object.fromEntries(levels(c).map((l) => [l.level, chinese(l.level, length)])),
          name: '陳'.repeat(limits.field),
          period: '二〇二六年'.repeat(40).slice(0, limits.field),
        }),
      },
    });
  /** The exit's values after a 123-hour session: everything the attempt set, then session_time. */
  const exitValues = (length: number): CmiValue[] => [...sent(c, '2004', learner(length), 'zh-hant/self-assessment/index.html'), ['cmi.session_time', sessionTime('2004', 123 * 3_600_000)]];
  const suspendOf = (values: CmiValue[]) => encodeURIComponent(values.find(([e]) => e === 'cmi.suspend_data')![1]).length;
  const notesKept = (length: number) => {
    const { notesLeftOut } = encodeSuspendData(c, { ...learner(length), interactions: withNewInteractions(c, learner(length)) }, 24_000, undefined, suspendSize['url-encoded']);
    return notesLeftOut.length === 0;
  };
  const measure = (values: CmiValue[], label: string) => {
    const body = new TextEncoder().encode(wholeModelPost(values)).length;
    console.info(`whole-model exit, zh-hant 2004, ${label}: ${body} bytes (${(body / 1024).toFixed(1)} KiB), suspend_data ${suspendOf(values)} URL-encoded characters, ${values.length} values`);
    return body;
  };

  test('notes of 5,000 Chinese characters a level (the form’s most), every question and level answered: under 48 KiB', () => {
    expect(chinese(1, limits.note)).toHaveLength(5000);
    const values = exitValues(limits.note);
    // Too long to travel: held back (kept in the browser), and the state stays under its 24,000 characters.
    expect(suspendOf(values)).toBeLessThanOrEqual(24_000);
    expect(measure(values, '5,000-character notes')).toBeLessThanOrEqual(48 * 1024);
  });

  test('the longest notes that all travel (the suspend data as full as it gets): under 48 KiB', () => {
    let low = 0;
    let high = limits.note;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (notesKept(mid)) low = mid;
      else high = mid - 1;
    }
    expect(low).toBeGreaterThan(300);
    const values = exitValues(low);
    expect(suspendOf(values)).toBeLessThanOrEqual(24_000);
    expect(suspendOf(values)).toBeGreaterThan(23_000);
    const body = measure(values, `notes of ${low} characters each`);
    expect(body).toBeLessThanOrEqual(48 * 1024);
  });
});
