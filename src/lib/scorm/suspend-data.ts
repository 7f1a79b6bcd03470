/**
 * The learner's record as the LMS keeps it between launches (cmi.suspend_data): compact JSON
 * keyed by the course's ids (never by position), carrying the course version it was written
 * for. Read back against a rebuilt course, every answer lands on its own question; answers to
 * questions the course no longer has are kept (uncounted), and what changed is reported.
 *
 * The limit is in bytes of UTF-8, the unit the strictest LMSs store (a 1.2 LMS with a 4,096-byte
 * column cuts Chinese notes counted in characters into broken JSON). Notes are added only while
 * they fit, never cut; the levels whose notes stay in the browser only are returned. A copy an
 * earlier launch could not read is carried whole (`x`), never written over.
 */
import { itemKey, restoreQuiz, restoreSelfAssessment, type Course, type LearnerRecord, type RestoreChanges } from '../course';
import { readQuizProgress, type QuizAnswer, type QuizProgress } from '../saved-quiz';
import { isRecord, savedVersion, type SelfAssessment } from '../saved-state';
import { readSelfAssessment } from '../saved-assessment';

const format = 2;

interface StoredSelfAssessment {
  /** Answers by level. */
  l: Record<string, string>;
  n?: string;
  p?: string;
  /** Notes by level. */
  t?: Record<string, string>;
}

interface Stored {
  v: typeof format;
  /** The course version this was written for. */
  c: string;
  /** Ids of the steps opened, space-separated. */
  o: string;
  /** The interaction order: item keys (lib/course.ts itemKey). */
  i: string[];
  /** By quiz id, by question id: the parts chosen, space-separated; `+` first when it was right when saved. */
  q: Record<string, Record<string, string>>;
  /** By rubric id. */
  a: Record<string, StoredSelfAssessment>;
  /** An LMS copy an earlier launch could not read, kept as it was. */
  x?: string;
}

export interface NoteLeftOut {
  rubric: string;
  level: string;
}

export interface Encoded {
  /** Undefined when even the answers without notes exceed `limit`. */
  data: string | undefined;
  notesLeftOut: NoteLeftOut[];
}

/** Bytes of `text` in UTF-8. */
export const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

/**
 * Whether an answer reads back as it is: every answer the quiz writes does. One from forged or
 * damaged browser storage that would not (no parts, an empty part, a space or a leading `+`, an
 * id that is no id) is left out, or the whole copy would be unreadable at the next launch.
 */
const writable = (id: string, answer: QuizAnswer) => isId(id) && answer.choice.length > 0 && answer.choice.every((part) => /^[^\s+]\S*$/.test(part));

/** `limit` is in the unit `measure` counts (bytes of UTF-8 unless given). */
export function encodeSuspendData(
  course: Course,
  record: LearnerRecord,
  limit: number,
  carried?: string,
  measure: (text: string) => number = utf8Bytes,
): Encoded {
  const stored: Stored = {
    v: format,
    c: course.version,
    o: record.opened.join(' '),
    i: record.interactions,
    q: Object.fromEntries(
      Object.entries(record.quizzes).map(([quiz, progress]) => [
        quiz,
        Object.fromEntries(
          Object.entries(progress.answers)
            .filter(([id, answer]) => writable(id, answer))
            .map(([id, answer]) => [id, `${answer.correct ? '+' : ''}${answer.choice.join(' ')}`]),
        ),
      ]),
    ),
    a: Object.fromEntries(
      Object.entries(record.selfAssessments).map(([rubric, sa]) => [
        rubric,
        { l: { ...sa.answers }, ...(sa.name ? { n: sa.name } : {}), ...(sa.period ? { p: sa.period } : {}) },
      ]),
    ),
    ...(carried === undefined ? {} : { x: carried }),
  };
  const notes = Object.entries(record.selfAssessments).flatMap(([rubric, sa]) =>
    Object.entries(sa.notes)
      .filter(([, text]) => text.trim() !== '')
      .map(([level, text]) => ({ rubric, level, text })),
  );
  const fits = () => measure(JSON.stringify(stored)) <= limit;
  if (!fits()) return { data: undefined, notesLeftOut: notes.map(({ rubric, level }) => ({ rubric, level })) };
  const notesLeftOut: NoteLeftOut[] = [];
  for (const note of notes) {
    const target = stored.a[note.rubric]!;
    const before = target.t;
    target.t = { ...before, [note.level]: note.text };
    if (!fits()) {
      target.t = before;
      notesLeftOut.push({ rubric: note.rubric, level: note.level });
    }
  }
  return { data: JSON.stringify(stored), notesLeftOut };
}

export type Decoded =
  | {
      readable: true;
      record: LearnerRecord;
      /** Whether it was written for this very course version. */
      sameCourse: boolean;
      /** What reading it against this course changed; empty when it was written for this course version. */
      changes: RestoreChanges;
      carried: string | undefined;
    }
  | { readable: false };

/** An id as the course makes them (and never a key that would reach an object's prototype). */
const isId = (v: string) => /^[\w.#-]{1,160}$/.test(v) && !['__proto__', 'constructor', 'prototype'].includes(v);
const isIdMap = (v: unknown): v is Record<string, unknown> => isRecord(v) && Object.keys(v).every(isId);
const isText = (v: unknown): v is string => typeof v === 'string';

/**
 * The record in `text`, read against `course`, or `{ readable: false }` when it is not a record
 * this package wrote (another format, damaged, hostile). Nothing here throws.
 */
export function decodeSuspendData(course: Course, text: string): Decoded {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { readable: false };
  }
  if (!isRecord(raw) || raw.v !== format || !isText(raw.c) || !isText(raw.o) || (raw.x !== undefined && !isText(raw.x))) return { readable: false };
  const { i, q, a } = raw;
  if (!Array.isArray(i) || !i.every((key) => isText(key) && isId(key)) || new Set(i).size !== i.length) return { readable: false };
  if (!isIdMap(q) || !isIdMap(a)) return { readable: false };
  const opened = raw.o === '' ? [] : raw.o.split(' ');
  if (!opened.every(isId)) return { readable: false };
  const sameCourse = raw.c === course.version;
  const changes: RestoreChanges = { remarked: [], retired: [], dropped: [] };

  const quizzes: Record<string, QuizProgress> = {};
  for (const [quizId, answers] of Object.entries(q)) {
    if (!isIdMap(answers) || !Object.values(answers).every(isText)) return { readable: false };
    const parsed = Object.fromEntries(
      Object.entries(answers as Record<string, string>).map(([id, value]) => [id, { choice: value.replace(/^\+/, '').split(' '), correct: value.startsWith('+') }]),
    );
    const progress = readQuizProgress({ version: savedVersion, order: [], answers: parsed });
    if (!progress || Object.values(progress.answers).some((answer) => answer.choice.includes(''))) return { readable: false };
    const quiz = course.quizzes.find((x) => x.id === quizId);
    if (!quiz) {
      // A quiz the course no longer has: its answers are kept, and count nowhere.
      quizzes[quizId] = progress;
      changes.retired.push(...Object.keys(progress.answers));
      continue;
    }
    const restored = restoreQuiz(quiz, { ...progress, keyVersion: sameCourse ? quiz.version : undefined });
    quizzes[quizId] = restored.progress;
    changes.remarked.push(...restored.changes.remarked);
    changes.retired.push(...restored.changes.retired);
  }

  const selfAssessments: Record<string, SelfAssessment> = {};
  for (const [rubric, value] of Object.entries(a)) {
    if (!isRecord(value) || !isIdMap(value.l) || (value.t !== undefined && !isIdMap(value.t))) return { readable: false };
    const sa = readSelfAssessment({ version: savedVersion, rubric, answers: value.l, notes: value.t ?? {}, name: value.n ?? '', period: value.p ?? '' });
    if (!sa) return { readable: false };
    const levels = course.selfAssessments.find((x) => x.rubric === rubric)?.levels ?? [];
    const restored = restoreSelfAssessment(levels, sa);
    selfAssessments[rubric] = restored.value;
    changes.dropped.push(...restored.changes.dropped);
  }
  return {
    readable: true,
    record: { opened, quizzes, selfAssessments, interactions: i as string[] },
    sameCourse,
    changes: sameCourse ? { remarked: [], retired: [], dropped: [] } : changes,
    carried: raw.x as string | undefined,
  };
}

/**
 * The LMS's record and the browser's together: every answer either holds, the browser's where
 * both answer the same question (it is written first; the LMS's copy can only lag behind it).
 * The interaction order is the LMS's.
 */
export function mergeRecords(lms: LearnerRecord, browser: Pick<LearnerRecord, 'quizzes' | 'selfAssessments'> & { opened?: string[] }): LearnerRecord {
  const quizzes: Record<string, QuizProgress> = { ...lms.quizzes };
  for (const [id, local] of Object.entries(browser.quizzes)) {
    const fromLms = lms.quizzes[id];
    quizzes[id] = fromLms ? { ...local, answers: { ...fromLms.answers, ...local.answers } } : local;
  }
  const selfAssessments: Record<string, SelfAssessment> = { ...lms.selfAssessments };
  for (const [rubric, local] of Object.entries(browser.selfAssessments)) {
    const fromLms = lms.selfAssessments[rubric];
    if (!fromLms) {
      selfAssessments[rubric] = local;
      continue;
    }
    const notes = { ...fromLms.notes };
    for (const [level, text] of Object.entries(local.notes)) if (text.trim() !== '' || notes[level] === undefined) notes[level] = text;
    selfAssessments[rubric] = {
      ...local,
      answers: { ...fromLms.answers, ...local.answers },
      notes,
      name: local.name || fromLms.name,
      period: local.period || fromLms.period,
    };
  }
  return {
    opened: [...new Set([...lms.opened, ...(browser.opened ?? [])])],
    quizzes,
    selfAssessments,
    interactions: lms.interactions,
  };
}

/** The item an interaction key names in `course`: a question of a quiz, or a self-assessment level; undefined when retired. */
export function itemOf(course: Course, key: string) {
  for (const quiz of course.quizzes) {
    const question = quiz.questions.find((q) => itemKey.question(q.id) === key);
    if (question) return { kind: 'question' as const, quiz, question };
  }
  for (const sa of course.selfAssessments) {
    const level = sa.levels.find((l) => itemKey.level(sa.rubric, l.level) === key);
    if (level) return { kind: 'level' as const, selfAssessment: sa, level };
  }
  return undefined;
}
