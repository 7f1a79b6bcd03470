/**
 * The learner's state as the LMS keeps it between launches (cmi.suspend_data): compact JSON
 * that fits SCORM 1.2's 4,096 characters for this course. Notes are added only while they fit,
 * never cut; the levels whose notes stay in the browser only are returned so the learner can be
 * told. Reading checks every part, as the LMS's copy is outside the course's control.
 */
import { readQuizProgress, type QuizProgress } from '../saved-quiz';
import { readSelfAssessment, savedVersion, type SelfAssessment } from '../saved-state';
import { interactionKey, isRight, type LearnerState, type ScormCourse } from './course';

interface StoredSelfAssessment {
  /** Answers by level. */
  l: Record<string, string>;
  n?: string;
  p?: string;
  /** Notes by level. */
  t?: Record<string, string>;
}

interface Stored {
  v: 1;
  /** Steps opened, one character each ("1" opened, "0" not). */
  o: string;
  /** The interaction order, space-separated keys. */
  i: string;
  /** By quiz: the choice of each answered question (by its index), parts space-separated. */
  q: Record<string, string>[];
  a: StoredSelfAssessment[];
}

export interface Encoded {
  /** Undefined when even the answers without notes exceed `limit`. */
  data: string | undefined;
  /** Self-assessment index → levels whose notes are not in `data`. */
  notesLeftOut: { selfAssessment: number; level: string }[];
}

export function encodeSuspendData(course: ScormCourse, state: LearnerState, limit: number): Encoded {
  const stored: Stored = {
    v: 1,
    o: state.opened.map((o) => (o ? '1' : '0')).join(''),
    i: state.interactions.join(' '),
    q: course.quizzes.map((quiz, i) => {
      const answers: Record<string, string> = {};
      quiz.questions.forEach((q, n) => {
        const answer = state.quizzes[i]?.answers[q.id];
        if (answer) answers[n] = answer.choice.join(' ');
      });
      return answers;
    }),
    a: course.selfAssessments.map((_, i) => {
      const sa = state.selfAssessments[i];
      return { l: { ...sa?.answers }, ...(sa?.name ? { n: sa.name } : {}), ...(sa?.period ? { p: sa.period } : {}) };
    }),
  };
  const notes = course.selfAssessments.flatMap((_, i) =>
    Object.entries(state.selfAssessments[i]?.notes ?? {})
      .filter(([, text]) => text.trim() !== '')
      .map(([level, text]) => ({ selfAssessment: i, level, text })),
  );
  if (JSON.stringify(stored).length > limit) return { data: undefined, notesLeftOut: notes.map(({ selfAssessment, level }) => ({ selfAssessment, level })) };
  const notesLeftOut: Encoded['notesLeftOut'] = [];
  for (const note of notes) {
    const target = stored.a[note.selfAssessment]!;
    const before = target.t;
    target.t = { ...before, [note.level]: note.text };
    if (JSON.stringify(stored).length > limit) {
      target.t = before;
      notesLeftOut.push({ selfAssessment: note.selfAssessment, level: note.level });
    }
  }
  return { data: JSON.stringify(stored), notesLeftOut };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringRecord = (v: unknown): v is Record<string, string> => isRecord(v) && Object.values(v).every((x) => typeof x === 'string');

/** The state in `text`, or undefined when it is not this course's suspended state. */
export function decodeSuspendData(course: ScormCourse, text: string): LearnerState | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(raw) || raw.v !== 1 || typeof raw.o !== 'string' || typeof raw.i !== 'string') return undefined;
  if (!Array.isArray(raw.q) || !Array.isArray(raw.a) || raw.o.length !== course.steps.length || !/^[01]*$/.test(raw.o)) return undefined;
  const valid = new Set([
    ...course.quizzes.flatMap((quiz, i) => quiz.questions.map((_, n) => interactionKey.question(i, n))),
    ...course.selfAssessments.flatMap((sa, i) => sa.levels.map(({ level }) => interactionKey.level(i, level))),
  ]);
  const interactions = raw.i === '' ? [] : raw.i.split(' ');
  if (!interactions.every((key) => valid.has(key)) || new Set(interactions).size !== interactions.length) return undefined;
  const storedQuizzes = raw.q;
  const storedAssessments = raw.a;
  const quizzes = course.quizzes.map((quiz, i): QuizProgress | undefined => {
    const stored = storedQuizzes[i];
    if (stored === undefined) return undefined;
    if (!isStringRecord(stored)) return undefined;
    const answers: QuizProgress['answers'] = {};
    for (const [n, choice] of Object.entries(stored)) {
      const question = quiz.questions[Number(n)];
      if (!question || !/^\d+$/.test(n)) return undefined;
      // The quiz saves an answer only once every part is chosen.
      const parts = choice.split(' ');
      if (parts.length !== question.key.length || parts.includes('')) return undefined;
      answers[question.id] = { choice: parts, correct: isRight(question, parts) };
    }
    return readQuizProgress({ version: savedVersion, order: [], answers });
  });
  const selfAssessments = course.selfAssessments.map((sa, i): SelfAssessment | undefined => {
    const stored: unknown = storedAssessments[i];
    if (stored === undefined) return undefined;
    if (!isRecord(stored) || !isStringRecord(stored.l) || (stored.t !== undefined && !isStringRecord(stored.t))) return undefined;
    const levels = new Set(sa.levels.map(({ level }) => String(level)));
    if (![...Object.keys(stored.l), ...Object.keys(stored.t ?? {})].every((level) => levels.has(level))) return undefined;
    return readSelfAssessment({
      version: savedVersion,
      rubric: sa.rubric,
      answers: stored.l,
      notes: stored.t ?? {},
      name: stored.n ?? '',
      period: stored.p ?? '',
    });
  });
  // A part that failed its check fails the whole: half a restore would look like lost answers.
  if (quizzes.some((q, i) => q === undefined && storedQuizzes[i] !== undefined)) return undefined;
  if (selfAssessments.some((s, i) => s === undefined && storedAssessments[i] !== undefined)) return undefined;
  return { opened: [...raw.o].map((c) => c === '1'), quizzes, selfAssessments, interactions };
}

/**
 * The LMS's copy and the browser's together: every answer either holds, the browser's where both
 * answer the same question (it is written first; the LMS's copy can only lag behind it).
 */
export function mergeStates(lms: LearnerState, browser: LearnerState): LearnerState {
  return {
    opened: lms.opened.map((o, i) => o || !!browser.opened[i]),
    interactions: lms.interactions,
    quizzes: lms.quizzes.map((fromLms, i) => {
      const local = browser.quizzes[i];
      if (!fromLms || !local) return local ?? fromLms;
      return { version: savedVersion, order: local.order, answers: { ...fromLms.answers, ...local.answers } };
    }),
    selfAssessments: lms.selfAssessments.map((fromLms, i) => {
      const local = browser.selfAssessments[i];
      if (!fromLms || !local) return local ?? fromLms;
      const notes = { ...fromLms.notes };
      for (const [level, text] of Object.entries(local.notes)) if (text.trim() !== '' || notes[level] === undefined) notes[level] = text;
      return {
        ...local,
        answers: { ...fromLms.answers, ...local.answers },
        notes,
        name: local.name || fromLms.name,
        period: local.period || fromLms.period,
      };
    }),
  };
}
