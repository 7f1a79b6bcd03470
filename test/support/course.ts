/**
 * Hand-made courses for the unit tests of src/lib/course.ts and src/lib/scorm (never read from
 * content/, so a trainer's edit cannot fail them):
 * - `course`: two rubrics, five graded questions in all (so the 0.8 pass mark falls exactly on
 *   four right), and two self-assessments, with hand-written keys;
 * - `builtCourse(cases, rules)`: a one-rubric course whose quiz the question generator makes from
 *   fixture cases, as src/data/course.ts does from content/, for the republish tests.
 */
import { courseVersion, isCorrect, quizVersion, type Course, type CourseQuestion, type CourseQuiz, type CourseSelfAssessment, type CourseStep, type LearnerRecord } from '../../src/lib/course';
import { answerKey, rubricQuiz, type QuizCase } from '../../src/lib/quiz';
import { allowedAnswers, possibleScores, type LevelRule } from '../../src/lib/rubric-model';
import { readYaml, yamlEntries } from './content-files';
import type { QuizProgress } from '../../src/lib/saved-quiz';
import { savedVersion, storageKeys, type SelfAssessment } from '../../src/lib/saved-state';
import type { LevelAnswer } from '../../src/lib/vocabulary';

export const alibaba = 'alibaba-customer-first';
export const jd = 'jd-customer-first';

/** Alibaba's shape: two levels kept unless a case falls short (level 1 with a half point), three won by an example. */
export const alibabaRules: LevelRule[] = [
  { level: 1, evidence: 'granted-unless-nonconforming', halfPoint: { points: 0.5 } },
  { level: 2, evidence: 'granted-unless-nonconforming' },
  { level: 3, evidence: 'requires-conforming' },
  { level: 4, evidence: 'requires-conforming' },
  { level: 5, evidence: 'requires-conforming' },
];
export const jdRules: LevelRule[] = [
  { level: 1, evidence: 'granted-unless-nonconforming' },
  { level: 2, evidence: 'requires-conforming' },
];

export function quizOf(rubric: string, questions: CourseQuestion[]): CourseQuiz {
  return { id: rubric, rubric, storageKey: storageKeys.quiz(rubric), version: quizVersion(questions), questions };
}

export function selfAssessmentOf(rubric: string, rules: readonly LevelRule[], statement = (level: number) => `a statement of level ${level}`): CourseSelfAssessment {
  return {
    rubric,
    storageKey: storageKeys.selfAssessment(rubric),
    reviewStorageKey: storageKeys.feedbackTalk(rubric),
    levels: rules.map((rule) => ({ level: rule.level, title: `Level ${rule.level}: ${statement(rule.level)}`, answers: allowedAnswers(rule) })),
  };
}

/** A course with its version computed as src/data/course.ts computes it. */
export function courseOf(parts: Omit<Course, 'version' | 'passMark'>, passMark = 0.8): Course {
  return { version: courseVersion(parts), ...parts, passMark };
}

export const readingSteps: CourseStep[] = [
  { id: 'speech', kind: 'read' },
  { id: 'cases', kind: 'read' },
];
export const steps: CourseStep[] = [...readingSteps, { id: 'quiz', kind: 'quiz' }, { id: 'selfAssessment', kind: 'self-assessment' }];

export const course: Course = courseOf({
  steps,
  quizzes: [
    quizOf(alibaba, [
      { id: 'case-alibaba-l1-x', key: ['1', 'falls-short'], title: 'Case question: Blaming the customer', level: 1 },
      { id: 'case-alibaba-l4-photo-shoot', key: ['4', 'meets'], title: 'Case question: A photo shoot', level: 4 },
      { id: 'scenario-1a2b3c4d', key: ['2.5'], title: 'Scenario 1', level: 3 },
      { id: 'scenario-5e6f7081', key: ['3'], title: 'Scenario 2', level: 4 },
    ]),
    quizOf(jd, [{ id: 'case-jd-speech-old-suppliers-stay-friends', key: ['2', 'meets'], title: '案例題：老供應商仍是朋友', level: 2 }]),
  ],
  selfAssessments: [
    selfAssessmentOf(alibaba, alibabaRules),
    selfAssessmentOf(jd, jdRules, (level) => ['尊重他人', '微笑面對投訴'][level - 1]!),
  ],
});

export const quizById = (c: Course, id: string) => c.quizzes.find((q) => q.id === id)!;

/** Quiz progress holding `choices` (question id → the parts chosen), each flagged as the quiz flags it when answered. */
export function quizProgress(c: Course, quiz: string, choices: Record<string, string[]>): QuizProgress {
  const { questions } = quizById(c, quiz);
  const answers = Object.fromEntries(
    Object.entries(choices).map(([id, choice]) => {
      const question = questions.find((q) => q.id === id);
      return [id, { choice, correct: question !== undefined && isCorrect(question, choice) }];
    }),
  );
  return { version: savedVersion, order: questions.map((q) => q.id), answers };
}

export function selfAssessment(rubric: string, answers: Record<number, LevelAnswer>, extra: Partial<SelfAssessment> = {}): SelfAssessment {
  return { version: savedVersion, rubric, answers, notes: {}, name: '', period: '', ...extra };
}

export const record = (parts: Partial<LearnerRecord> = {}): LearnerRecord => ({ opened: [], quizzes: {}, selfAssessments: {}, interactions: [], ...parts });

/** A choice that differs from `key` in its first part (a level or a score). */
export const wrongChoice = (key: readonly string[]) => [key[0] === '5' ? '1' : '5', ...key.slice(1)];

/** Every question answered: `wrong` of them (the first ones, in course order) wrongly, the others rightly. */
export function allAnswered(c: Course, wrong: number): LearnerRecord['quizzes'] {
  let left = wrong;
  return Object.fromEntries(
    c.quizzes.map((quiz) => [quiz.id, quizProgress(c, quiz.id, Object.fromEntries(quiz.questions.map((q) => [q.id, left-- > 0 ? wrongChoice(q.key) : q.key])))]),
  );
}

/** Every level of every self-assessment answered with the first answer its rule allows. */
export const allAssessed = (c: Course): LearnerRecord['selfAssessments'] =>
  Object.fromEntries(c.selfAssessments.map((sa) => [sa.rubric, selfAssessment(sa.rubric, Object.fromEntries(sa.levels.map((l) => [l.level, l.answers[0]!])))]));

/** A learner who opened every step and answered everything (`wrong` questions wrongly). */
export const finished = (c: Course, wrong = 0): LearnerRecord =>
  record({ opened: c.steps.map((s) => s.id), quizzes: allAnswered(c, wrong), selfAssessments: allAssessed(c) });

/**
 * Fixture cases of the Alibaba rubric, sorted as the generator sorts them (by level, then id):
 * enough for scoring scenarios of every score, few enough that the generator stays fast.
 */
export const fixtureCases: QuizCase[] = [
  { id: 'alibaba-l1-blaming-the-customer', level: 1, verdict: 'falls-short', origin: 'source' },
  { id: 'alibaba-l1-respectful-reply', level: 1, verdict: 'meets', origin: 'source' },
  { id: 'alibaba-l2-ignored-complaint', level: 2, verdict: 'falls-short', origin: 'source' },
  { id: 'alibaba-l2-smiling-at-a-complaint', level: 2, verdict: 'meets', origin: 'source' },
  { id: 'alibaba-l3-found-the-right-team', level: 3, verdict: 'meets', origin: 'source' },
  { id: 'alibaba-l3-passed-the-buck', level: 3, verdict: 'falls-short', origin: 'source' },
  { id: 'alibaba-l4-photo-shoot', level: 4, verdict: 'meets', origin: 'source' },
  { id: 'alibaba-l5-lost-a-deal-for-the-customer', level: 5, verdict: 'meets', origin: 'source' },
  { id: 'reading-old-suppliers', level: 2, verdict: 'meets', origin: 'site-reading' },
];

/**
 * A one-rubric course made as src/data/course.ts makes one from content/: the generator's
 * questions and keys, the rules' allowed answers, versions over ids and keys.
 */
export function builtCourse(cases: readonly QuizCase[], rules: readonly LevelRule[], courseSteps: CourseStep[] = steps): Course {
  const questions = rubricQuiz(cases, rules).map((q) => ({
    id: q.id,
    key: answerKey(q),
    title: q.kind === 'case' ? `Case question: ${q.caseId}` : `Scenario: ${q.record.map((r) => r.caseId).join(', ')}`,
  }));
  return courseOf({ steps: courseSteps, quizzes: [quizOf(alibaba, questions)], selfAssessments: [selfAssessmentOf(alibaba, rules)] });
}

/** The frozen fixture content's titles (test/fixtures/content), in one locale. */
type FixtureText = Record<'zh-hant' | 'en', string>;

/**
 * The Alibaba rubric's course as src/data/course.ts makes it, from the frozen fixture content
 * (test/fixtures/content/, never content/): its quiz cases and scoring scenarios, with the
 * locale's question and level titles (what a 2004 package sends as descriptions).
 */
export function fixtureCourse(locale: 'zh-hant' | 'en'): Course {
  const words = {
    'zh-hant': { caseQuestion: '案例', scenario: (n: number) => `計分情境 ${n}`, level: (n: number) => `第 ${n} 級`, colon: '：', list: '、' },
    en: { caseQuestion: 'Case question', scenario: (n: number) => `Scoring scenario ${n}`, level: (n: number) => `Level ${n}`, colon: ': ', list: ', ' },
  }[locale];
  const rubricData = readYaml('rubrics/alibaba-customer-first.yaml') as { levels: { level: number; evidence: LevelRule['evidence']; statement: FixtureText; halfPoint?: { points: number } }[] };
  const rules: LevelRule[] = rubricData.levels.map(({ level, evidence, halfPoint }) => ({ level, evidence, ...(halfPoint ? { halfPoint: { points: halfPoint.points } } : {}) }));
  const entries = yamlEntries('cases').map((e) => ({ id: e.id, data: e.data as { rubric: string; level: number; verdict: QuizCase['verdict']; origin: QuizCase['origin']; quiz?: boolean; title: FixtureText } }));
  const cases = entries.filter((e) => e.data.rubric === alibaba && e.data.quiz !== false);
  const title = (id: string) => entries.find((e) => e.id === id)!.data.title[locale];
  const questions = rubricQuiz(
    cases.map((c) => ({ id: c.id, level: c.data.level, verdict: c.data.verdict, origin: c.data.origin })),
    rules,
  );
  const caseCount = questions.filter((q) => q.kind === 'case').length;
  return courseOf({
    steps,
    quizzes: [
      quizOf(
        alibaba,
        questions.map((q, index) => ({
          id: q.id,
          key: answerKey(q),
          title: q.kind === 'case' ? `${words.caseQuestion}${words.colon}${title(q.caseId)}` : `${words.scenario(index + 1 - caseCount)}${words.colon}${q.record.map((r) => title(r.caseId)).join(words.list)}`,
        })),
      ),
    ],
    selfAssessments: [
      {
        ...selfAssessmentOf(alibaba, rules),
        levels: rubricData.levels.map((l, i) => ({ level: l.level, title: `${words.level(l.level)}${words.colon}${l.statement[locale]}`, answers: allowedAnswers(rules[i]!) })),
      },
    ],
  });
}

/** The choices a question offers: every level with every verdict for a case, every possible score for a scenario. */
export function offeredChoices(c: Course, question: CourseQuestion): string[][] {
  if (question.key.length === 2) return [1, 2, 3, 4, 5].flatMap((level) => ['meets', 'falls-short'].map((verdict) => [String(level), verdict]));
  const rules = c.selfAssessments[0]!.levels.map((l) => ({ level: l.level, evidence: l.answers.includes('example') ? 'requires-conforming' : 'granted-unless-nonconforming', ...(l.answers.includes('mitigated-incident') ? { halfPoint: { points: 0.5 } } : {}) }) as LevelRule);
  return possibleScores(rules).map((score) => [String(score)]);
}
