/**
 * The course, assembled once per locale from the checked content: the learning path's steps,
 * each rubric's graded quiz, each self-assessment, every storage key and the version
 * (src/lib/course.ts says what each is). The home page, the quiz (also on guide pages), the
 * self-assessment, the review page and the LMS launch page read it; nothing else generates
 * questions, keys or storage keys.
 */
import { courseVersion, quizVersion, type Course, type CourseQuiz, type CourseSelfAssessment } from '../lib/course';
import { answerKey, rubricQuiz, type Question, type QuizCase } from '../lib/quiz';
import { allowedAnswers, type LevelRule } from '../lib/rubric-model';
import { storageKeys } from '../lib/saved-state';
import { learningPath, type PathStep } from '../lib/urls';
import type { StepKind } from '../lib/course';
import type { LocaleContext } from '../middleware';
import { siteContent, type RubricEntry } from './content';
import { lmsSettings } from './lms';

type Words = Pick<LocaleContext, 't' | 'text' | 'format'>;

const stepKinds: Partial<Record<PathStep, StepKind>> = { quiz: 'quiz', selfAssessment: 'self-assessment' };

/** A rubric's levels as the rubric model scores them. */
export const levelRules = (rubric: RubricEntry): LevelRule[] =>
  rubric.data.levels.map(({ level, evidence, halfPoint }) => ({ level, evidence, ...(halfPoint ? { halfPoint: { points: halfPoint.points } } : {}) }));

/** The cases a rubric's quiz asks about: all of its cases but those kept out of the quiz (`quiz: false`). */
async function quizCases(rubric: string): Promise<QuizCase[]> {
  return (await siteContent()).cases
    .filter((c) => c.data.rubric === rubric && c.data.quiz)
    .map((c) => ({ id: c.id, level: c.data.level, verdict: c.data.verdict, origin: c.data.origin }));
}

async function findRubric(id: string): Promise<RubricEntry> {
  const rubric = (await siteContent()).rubrics.find((r) => r.id === id);
  // Guide pages are checked for unknown rubrics and levels before they render (src/lib/content-integrity.ts).
  if (!rubric) throw new Error(`unknown rubric "${id}"`);
  return rubric;
}

/** A quiz as the course holds it, and its questions as the page renders them. */
export interface QuizOf {
  quiz: CourseQuiz;
  questions: Question[];
}

/**
 * The graded quiz of a rubric, or (with `level`) the practice quiz of one of its levels on a
 * guide page: that level's case questions, no scenarios.
 */
export async function quizOf(rubricId: string, level: number | undefined, { t, text, format }: Words): Promise<QuizOf> {
  const rubric = await findRubric(rubricId);
  if (level !== undefined && !rubric.data.levels.some((l) => l.level === level)) throw new Error(`rubric "${rubric.id}" has no level ${level}`);
  const questions = rubricQuiz(await quizCases(rubric.id), levelRules(rubric), { level });
  const ids = new Set(questions.map((q) => q.id));
  if (ids.size !== questions.length) throw new Error(`rubric "${rubric.id}": two quiz questions have one id`);
  const { cases } = await siteContent();
  const caseTitle = (id: string) => text(cases.find((c) => c.id === id)!.data.title);
  const caseCount = questions.filter((q) => q.kind === 'case').length;
  const colon = t.punctuation.colon;
  const courseQuestions = questions.map((q, index) => ({
    id: q.id,
    key: answerKey(q),
    level: q.kind === 'case' ? q.answer.level : q.result.stoppedAt,
    title:
      q.kind === 'case'
        ? `${t.quiz.caseQuestion}${colon}${caseTitle(q.caseId)}`
        : `${format(t.quiz.scenarioHeading, { number: index + 1 - caseCount })}${colon}${q.record.map((r) => caseTitle(r.caseId)).join(t.punctuation.listSeparator)}`,
  }));
  return {
    quiz: {
      id: level === undefined ? rubric.id : `${rubric.id}-level-${level}`,
      rubric: rubric.id,
      storageKey: storageKeys.quiz(rubric.id, level),
      version: quizVersion(courseQuestions),
      questions: courseQuestions,
    },
    questions,
  };
}

/** A rubric's self-assessment as the course holds it. */
export function selfAssessmentOf(rubric: RubricEntry, { t, text, format }: Words): CourseSelfAssessment {
  return {
    rubric: rubric.id,
    storageKey: storageKeys.selfAssessment(rubric.id),
    reviewStorageKey: storageKeys.feedbackTalk(rubric.id),
    levels: rubric.data.levels.map((l) => ({
      level: l.level,
      title: `${format(t.rubric.level, { level: l.level })}${t.punctuation.colon}${text(l.statement)}`,
      answers: allowedAnswers(l),
    })),
  };
}

const built = new Map<Words['t'], Promise<Course>>();

/** The whole course in the locale of `words`. */
export function course(words: Words): Promise<Course> {
  let found = built.get(words.t);
  if (!found) {
    found = assemble(words);
    built.set(words.t, found);
  }
  return found;
}

async function assemble(words: Words): Promise<Course> {
  const { rubrics } = await siteContent();
  const quizzes = await Promise.all(rubrics.map(async (r) => (await quizOf(r.id, undefined, words)).quiz));
  const questionIds = quizzes.flatMap((q) => q.questions.map((x) => x.id));
  // A learner's record knows a question by its id alone.
  if (new Set(questionIds).size !== questionIds.length) throw new Error('two quizzes have a question with one id');
  const parts = {
    steps: learningPath.map((id) => ({ id, kind: stepKinds[id] ?? ('read' as const) })),
    quizzes,
    selfAssessments: rubrics.map((r) => selfAssessmentOf(r, words)),
  };
  return { version: courseVersion(parts), ...parts, passMark: lmsSettings().passMark / 100 };
}

/**
 * What every rubric island's config holds (plain JSON): the rubric's levels as the rubric model
 * scores them, their statements and names, and the words that explain a score.
 */
export function rubricIslandConfig(rubric: RubricEntry, { t, text, format }: Words) {
  return {
    rubric: rubric.id,
    rules: levelRules(rubric),
    statements: Object.fromEntries(rubric.data.levels.map((l) => [l.level, text(l.statement)])),
    levelNames: Object.fromEntries(rubric.data.levels.map((l) => [l.level, format(t.rubric.level, { level: l.level })])),
    listSeparator: t.punctuation.listSeparator,
    reasons: t.rubricModel,
  };
}
