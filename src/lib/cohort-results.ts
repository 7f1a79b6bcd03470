/**
 * What a trainer learns from a cohort, computed from files the trainer opens in the browser:
 * Moodle's SCORM "Interactions" report download (mod/scorm/report/interactions: a row per
 * learner and attempt; per interaction N the columns "Question N" (the interaction's id),
 * "Response N" (1.2's student_response), "Right answer N" (the correct_responses patterns) and
 * "Result N"; tab-separated text, or CSV with the same columns) and feedback-talk files.
 * Pure: bytes and parsed rows in, figures out; the results page renders them.
 *
 * Answers are found by interaction id, never by column position (each learner's interactions
 * are numbered in the order they answered). An id this course does not have is listed apart
 * (an older version of the course, or another course), never put on another question.
 */
import { dsvFormat } from 'd3-dsv';
import { isCorrect } from './course';
import { openTalkFile, type FileProblem } from './feedback-talk';
import type { FeedbackTalk } from './saved-state';
import type { LevelRule } from './rubric-model';
import type { LevelAnswer } from './vocabulary';
import type { Locale } from './i18n/locales';

/** One graded question as the results page knows it. */
export interface ResultsQuestion {
  /** The course's question id (`case-…`, `scenario-…`). */
  id: string;
  /** Its interaction id in the packages (src/lib/scorm/report.ts interactionId). */
  interaction: string;
  key: string[];
  title: string;
  /** Its case page (a scenario: the quiz page). */
  url: string;
}

export interface ResultsRubric {
  rubric: string;
  /** The interaction ids of this rubric start with it: `alibaba_customer_first.`. */
  prefix: string;
  /** A self-assessment level's interaction id, by level. */
  levelInteractions: Record<string, string>;
  rules: LevelRule[];
  questions: ResultsQuestion[];
}

/** What the analysis needs of the course (the page's island config carries it, built from the course model). */
export interface ResultsModel {
  rubrics: ResultsRubric[];
  /** Share of graded questions to answer right to pass, 0–1. */
  passMark: number;
}

// ---------------------------------------------------------------------------------------------
// Text: encodings and rows.

export interface DecodedText {
  text: string;
  /** The encoding the text was read in. */
  encoding: string;
  /** True when the bytes were not UTF-8 (nor marked as UTF-16) and were read in the fallback encoding. */
  guessed: boolean;
}

/**
 * The text of `bytes`: UTF-8 (with or without the BOM Moodle's downloads may carry), UTF-16 with
 * its BOM (a spreadsheet's "Unicode text"), else the locale's legacy encoding, said so.
 */
export function decodeText(bytes: Uint8Array, fallback: string): DecodedText {
  const [a, b] = [bytes[0], bytes[1]];
  const utf16 = a === 0xff && b === 0xfe ? 'utf-16le' : a === 0xfe && b === 0xff ? 'utf-16be' : undefined;
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, guessed: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', guessed: false };
  } catch {
    return { text: new TextDecoder(fallback).decode(bytes), encoding: fallback, guessed: true };
  }
}

/** The rows of a tab-separated or comma-separated text (the delimiter its first line uses), quoting as Moodle's writer quotes. */
export function parseRows(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes('\t') ? '\t' : firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  return dsvFormat(delimiter)
    .parseRows(text.replace(/^\uFEFF/, ''))
    .filter((row) => row.some((cell) => cell.trim() !== ''));
}

// ---------------------------------------------------------------------------------------------
// An export: its columns, its learners and their answers.

/** Why a file (or part of one) cannot be read: each has its own message on the page. */
export type ExportProblem = 'spreadsheet' | 'empty' | 'no-question-column' | 'no-answer-column' | 'not-this-course';

export type ScormVersion = '1.2' | '2004';

/** One answer read from an export. */
export interface ReadAnswer {
  question: string;
  /** The parts chosen (`['2', 'meets']`), when the export has the response. */
  choice: string[] | undefined;
  correct: boolean;
}

export interface ReadLearner {
  /** The learner's identity columns (name and the site's identity fields), joined. */
  who: string;
  attempt: number;
  answers: ReadAnswer[];
  /** Self-assessment answers by rubric and level. */
  levels: { rubric: string; level: number; answer: string }[];
}

/** An interaction id the course does not have, with how many answers carry it. */
export interface SetApart {
  id: string;
  answers: number;
  /** `retired`: in one of this course's rubrics (an older version of the course); `other`: not of this course. */
  kind: 'retired' | 'other';
}

/** A cell that could not be read, by where it is. */
export interface Unreadable {
  row: number;
  column: string;
  value: string;
}

export interface ReadExport {
  problem?: ExportProblem;
  /** Labels of the columns Moodle's layout has and this file lacks (only those the analysis uses). */
  missing: string[];
  learners: ReadLearner[];
  /** Rows of learners with no attempt (Moodle lists enrolled learners who never launched the package). */
  notStarted: number;
  /** Learners (rows) by the package version that wrote their answers, where a response, right answer or result tells it. */
  versions: Record<ScormVersion, number>;
  /** Answers (and self-assessment levels) with a result but no response (Moodle's report fills Response from 1.2's student_response only). */
  withoutResponse: number;
  /** Answers whose right answer in the file is not today's key: marked against today's key. */
  keyChanged: number;
  setApart: SetApart[];
  unreadable: Unreadable[];
}

/** Moodle's column labels (scormreport_interactions and mod_scorm language strings, English). */
const columnPattern = /^(Question|Response|Right answer|Result) (\d+)$/;
const attemptLabel = 'Attempt';

/** Moodle writes every cell through s(): its HTML escapes are undone. */
const unescape = (value: string) =>
  value.replace(/&(amp|lt|gt|quot|#0?39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name] ?? "'");

/** A response or pattern's parts as the course names them: 2004 joins them with `[,]`, 1.2 with `,`; ids go back from `_` to `-`. */
export function responseParts(value: string): { parts: string[]; version: ScormVersion | undefined } {
  const v2004 = value.includes('[,]');
  const parts = value.split(v2004 ? '[,]' : ',').map((part) => part.trim().replace(/_/g, '-'));
  return { parts, version: v2004 ? '2004' : parts.length > 1 ? '1.2' : undefined };
}

const results: Record<string, { correct: boolean; version?: ScormVersion }> = {
  correct: { correct: true },
  wrong: { correct: false, version: '1.2' },
  incorrect: { correct: false, version: '2004' },
};

/** Reads one export's rows against the course. */
export function readExport(rows: readonly string[][], model: ResultsModel): ReadExport {
  const read: ReadExport = { missing: [], learners: [], notStarted: 0, versions: { '1.2': 0, '2004': 0 }, withoutResponse: 0, keyChanged: 0, setApart: [], unreadable: [] };
  const [header, ...body] = rows;
  if (!header) return { ...read, problem: 'empty' };
  const labels = header.map((cell) => unescape(cell.trim()));
  const groups = new Map<string, Partial<Record<string, number>>>();
  labels.forEach((label, column) => {
    const match = columnPattern.exec(label);
    if (match) groups.set(match[2]!, { ...groups.get(match[2]!), [match[1]!]: column });
  });
  const attemptColumn = labels.indexOf(attemptLabel);
  const has = (kind: string) => [...groups.values()].some((g) => g[kind] !== undefined);
  read.missing = [attemptLabel, 'Question 0', 'Response 0', 'Right answer 0', 'Result 0'].filter((label) =>
    label === attemptLabel ? attemptColumn < 0 : !has(label.slice(0, -2)),
  );
  if (!has('Question')) return { ...read, problem: 'no-question-column' };
  if (!has('Response') && !has('Result')) return { ...read, problem: 'no-answer-column' };
  const identityEnd = attemptColumn >= 0 ? attemptColumn : 1;

  const questions = new Map(model.rubrics.flatMap((r) => r.questions.map((q) => [q.interaction, q] as const)));
  const levelsById = new Map(model.rubrics.flatMap((r) => Object.entries(r.levelInteractions).map(([level, id]) => [id, { rubric: r.rubric, level: Number(level) }] as const)));
  const apart = new Map<string, SetApart>();
  let known = 0;

  body.forEach((raw, index) => {
    const row = raw.map(unescape);
    const rowNumber = index + 2;
    const attemptCell = attemptColumn >= 0 ? (row[attemptColumn] ?? '').trim() : '1';
    if (attemptCell === '-' || attemptCell === '') {
      read.notStarted++;
      return;
    }
    const attempt = Number(attemptCell);
    if (!Number.isInteger(attempt)) {
      read.unreadable.push({ row: rowNumber, column: attemptLabel, value: attemptCell });
      return;
    }
    const learner: ReadLearner = { who: row.slice(0, identityEnd).join('\t'), attempt, answers: [], levels: [] };
    let rowVersion: ScormVersion | undefined;
    for (const [n, columns] of groups) {
      const cell = (kind: string) => (columns[kind] === undefined ? '' : (row[columns[kind]!] ?? '').trim());
      const id = cell('Question');
      const [response, right, result] = [cell('Response'), cell('Right answer'), cell('Result')];
      if (!id) {
        if (response || result) read.unreadable.push({ row: rowNumber, column: `Question ${n}`, value: '' });
        continue;
      }
      const level = levelsById.get(id);
      if (level) {
        known++;
        if (response) learner.levels.push({ ...level, answer: responseParts(response).parts.join(',') });
        else if (result) read.withoutResponse++;
        else read.unreadable.push({ row: rowNumber, column: `Response ${n}`, value: '' });
        continue;
      }
      const question = questions.get(id);
      if (!question) {
        const kind = model.rubrics.some((r) => id.startsWith(r.prefix)) ? 'retired' : 'other';
        const entry = apart.get(id) ?? { id, answers: 0, kind };
        entry.answers++;
        apart.set(id, entry);
        continue;
      }
      known++;
      const marked = results[result.toLowerCase()];
      const chosen = response ? responseParts(response) : undefined;
      if (chosen && chosen.parts.length !== question.key.length) {
        read.unreadable.push({ row: rowNumber, column: `Response ${n}`, value: response });
        continue;
      }
      if (!chosen && !marked) {
        read.unreadable.push({ row: rowNumber, column: result ? `Result ${n}` : `Response ${n}`, value: result });
        continue;
      }
      rowVersion ??= chosen?.version ?? (right ? responseParts(right).version : undefined) ?? marked?.version;
      if (!chosen) read.withoutResponse++;
      if (right && responseParts(right).parts.join() !== question.key.join()) read.keyChanged++;
      // Marked against today's key where the response is known (the one place the course marks an answer).
      learner.answers.push({ question: question.id, choice: chosen?.parts, correct: chosen ? isCorrect(question, chosen.parts) : marked!.correct });
    }
    if (rowVersion) read.versions[rowVersion]++;
    read.learners.push(learner);
  });
  read.setApart = [...apart.values()].sort((a, b) => b.answers - a.answers || (a.id < b.id ? -1 : 1));
  if (known === 0) return { ...read, problem: 'not-this-course', learners: [] };
  return read;
}

// ---------------------------------------------------------------------------------------------
// The cohort: per question, confusions, self-assessments, scores.

export interface QuestionStats {
  question: ResultsQuestion;
  answered: number;
  right: number;
  /** Share right, 0–1 (Moodle's facility index / 100); undefined when nobody answered. */
  facility: number | undefined;
  /** Moodle's discrimination index, −100…100; undefined where it is not defined (fewer than two answers, or no spread). */
  discrimination: number | undefined;
  /** Moodle's discriminative efficiency, in %; undefined where it is not defined. */
  efficiency: number | undefined;
  /** Wrong choices with how many chose each, most chosen first. */
  wrong: { choice: string[]; count: number }[];
  /** Wrong answers whose choice the export does not show. */
  wrongUnseen: number;
}

export interface Confusion {
  /** The rubric's levels, in order. */
  levels: number[];
  /** counts[i][j]: answers to a case of levels[i] that chose levels[j]. */
  counts: number[][];
}

export interface CohortResults {
  learners: number;
  /** Later attempts (and repeated rows) of a learner already counted by their first attempt. */
  laterAttempts: number;
  questions: QuestionStats[];
  confusion: Confusion[];
  /** Self-assessment answers: by rubric, level, answer. */
  selfAssessment: { rubric: string; levels: { level: number; counts: Record<string, number> }[] }[];
  scores: { bins: number[]; passMark: number; passed: number; failed: number; unfinished: number };
}

/** Sample covariance of two equal-length series (n − 1), as Moodle's calculator computes it. */
function covariance(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  return x.reduce((s, v, i) => s + (v - mx) * (y[i]! - my), 0) / (n - 1);
}

/**
 * Moodle's discrimination index and discriminative efficiency of an item
 * (question/classes/statistics/questions/calculator.php): with x the item's mark and y the rest
 * of the test (the total less this item) over the attempts that answered it,
 * DI = 100 · cov(x, y) / √(var(x) · var(y)) and DE = 100 · cov(x, y) / cov_max(x, y), where
 * cov_max pairs the sorted x with the sorted y.
 */
export function discrimination(x: readonly number[], y: readonly number[]): { index: number | undefined; efficiency: number | undefined } {
  if (x.length < 2) return { index: undefined, efficiency: undefined };
  const cov = covariance(x, y);
  const spread = covariance(x, x) * covariance(y, y);
  const sorted = (v: readonly number[]) => [...v].sort((a, b) => a - b);
  const max = covariance(sorted(x), sorted(y));
  return { index: spread ? (100 * cov) / Math.sqrt(spread) : undefined, efficiency: max ? (100 * cov) / max : undefined };
}

/** The cohort's figures from the learners of every export; each learner counted once, by their first attempt. */
export function cohortResults(learners: readonly ReadLearner[], model: ResultsModel): CohortResults {
  const first = new Map<string, ReadLearner>();
  for (const learner of learners) {
    const seen = first.get(learner.who);
    if (!seen || learner.attempt < seen.attempt) first.set(learner.who, learner);
  }
  const cohort = [...first.values()];
  const all = model.rubrics.flatMap((r) => r.questions);
  const marks = cohort.map((learner) => new Map(learner.answers.map((a) => [a.question, a] as const)));
  const totals = marks.map((m) => [...m.values()].filter((a) => a.correct).length);

  const questions = all.map((question): QuestionStats => {
    const x: number[] = [];
    const y: number[] = [];
    const wrong = new Map<string, { choice: string[]; count: number }>();
    let wrongUnseen = 0;
    marks.forEach((m, i) => {
      const answer = m.get(question.id);
      if (!answer) return;
      const mark = answer.correct ? 1 : 0;
      x.push(mark);
      y.push(totals[i]! - mark);
      if (answer.correct) return;
      if (!answer.choice) wrongUnseen++;
      else {
        const entry = wrong.get(answer.choice.join()) ?? { choice: answer.choice, count: 0 };
        entry.count++;
        wrong.set(answer.choice.join(), entry);
      }
    });
    const right = x.filter(Boolean).length;
    const { index, efficiency } = discrimination(x, y);
    return {
      question,
      answered: x.length,
      right,
      facility: x.length ? right / x.length : undefined,
      discrimination: index,
      efficiency,
      wrong: [...wrong.values()].sort((a, b) => b.count - a.count || (a.choice.join() < b.choice.join() ? -1 : 1)),
      wrongUnseen,
    };
  });
  // Weakest first: lowest facility, then the least discriminating; unanswered questions last.
  const order = (s: QuestionStats) => [s.facility ?? 2, s.discrimination ?? 101] as const;
  questions.sort((a, b) => order(a)[0] - order(b)[0] || order(a)[1] - order(b)[1]);

  const confusion = model.rubrics.map((r) => {
    const levels = r.rules.map((rule) => rule.level);
    const counts = levels.map(() => levels.map(() => 0));
    const cases = new Map(r.questions.filter((q) => q.key.length === 2).map((q) => [q.id, Number(q.key[0])]));
    for (const m of marks) {
      for (const [id, answer] of m) {
        const truth = levels.indexOf(cases.get(id) ?? NaN);
        const chosen = levels.indexOf(Number(answer.choice?.[0]));
        if (truth >= 0 && chosen >= 0) counts[truth]![chosen]!++;
      }
    }
    return { levels, counts };
  });

  const selfAssessment = model.rubrics.map((r) => ({
    rubric: r.rubric,
    levels: r.rules.map(({ level }) => {
      const counts: Record<string, number> = {};
      for (const learner of cohort) {
        for (const answer of learner.levels) if (answer.rubric === r.rubric && answer.level === level) counts[answer.answer] = (counts[answer.answer] ?? 0) + 1;
      }
      return { level, counts };
    }),
  }));

  const bins = Array.from({ length: 10 }, () => 0);
  let passed = 0;
  let unfinished = 0;
  marks.forEach((m, i) => {
    if (!all.every((q) => m.has(q.id))) {
      unfinished++;
      return;
    }
    const share = all.length ? totals[i]! / all.length : 0;
    bins[Math.min(9, Math.floor(share * 10 + 1e-9))]!++;
    if (share >= model.passMark) passed++;
  });
  return {
    learners: cohort.length,
    laterAttempts: learners.length - cohort.length,
    questions,
    confusion,
    selfAssessment,
    scores: { bins, passMark: model.passMark, passed, failed: cohort.length - unfinished - passed, unfinished },
  };
}

/** The most common confusion of a table: the off-diagonal cell chosen most often. */
export function mostCommonConfusion(table: Confusion): { truth: number; chosen: number; count: number } | undefined {
  let best: { truth: number; chosen: number; count: number } | undefined;
  table.counts.forEach((row, i) =>
    row.forEach((count, j) => {
      if (i !== j && count > 0 && (!best || count > best.count)) best = { truth: table.levels[i]!, chosen: table.levels[j]!, count };
    }),
  );
  return best;
}

// ---------------------------------------------------------------------------------------------
// Feedback talks: self against manager against agreed.

export type Side = 'self' | 'manager' | 'agreed';
export const sides: readonly Side[] = ['self', 'manager', 'agreed'];

export interface TalkLevel {
  level: number;
  /** By side: how many talks gave each answer. */
  counts: Record<Side, Partial<Record<LevelAnswer, number>>>;
  /** Talks where both the employee and the manager answered the level, and where they differ. */
  both: number;
  differ: number;
}

/** Per level of `rules`, the answers of every side over `talks`; `differ` counts self ≠ manager. */
export function talkResults(talks: readonly FeedbackTalk[], rules: readonly LevelRule[]): TalkLevel[] {
  return rules.map(({ level }) => {
    const counts: TalkLevel['counts'] = { self: {}, manager: {}, agreed: {} };
    let both = 0;
    let differ = 0;
    for (const talk of talks) {
      const answers = { self: talk.self.answers[level], manager: talk.manager.answers[level], agreed: talk.agreed.answers[level] };
      for (const side of sides) {
        const answer = answers[side];
        if (answer) counts[side][answer] = (counts[side][answer] ?? 0) + 1;
      }
      if (answers.self && answers.manager) {
        both++;
        if (answers.self !== answers.manager) differ++;
      }
    }
    return { level, counts, both, differ };
  });
}

/** The encoding a spreadsheet of the locale's users saves text in when it is not told UTF-8. */
export const legacyEncoding: Record<Locale, string> = { 'zh-hant': 'big5', 'zh-hans': 'gb18030', en: 'windows-1252' };

// ---------------------------------------------------------------------------------------------
// The files a trainer opens, together.

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

/** What one file gave, for the page's list of files: an export's reading, or a feedback talk's. */
export type FileReport = { name: string } & (
  | ({ kind: 'export'; encoding: string; guessed: boolean; rows: number } & Omit<ReadExport, 'learners'>)
  | { kind: 'talk'; rubric?: string; problem?: FileProblem; dropped: number[] }
);

export interface Analysis {
  files: FileReport[];
  /** Undefined when no export could be read. */
  cohort: CohortResults | undefined;
  talks: { rubric: string; count: number; levels: TalkLevel[] }[];
}

const isTalkFile = (file: OpenedFile, text: string) => /\.json$/i.test(file.name) || text.trimStart().startsWith('{');

/** Moodle's other downloads: Excel and ODS workbooks are zip archives (an old .xls, an OLE file), not text. */
const isSpreadsheet = (bytes: Uint8Array) =>
  [[0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0]].some((magic) => magic.every((byte, i) => bytes[i] === byte));

/** Every file read (exports and feedback talks told apart by their content), and the cohort's figures over all of them. */
export function analyseFiles(files: readonly OpenedFile[], model: ResultsModel, fallback: string): Analysis {
  const reports: FileReport[] = [];
  const learners: ReadLearner[] = [];
  const talks = new Map(model.rubrics.map((r) => [r.rubric, [] as FeedbackTalk[]]));
  for (const file of files) {
    const spreadsheet = isSpreadsheet(file.bytes);
    const { text, encoding, guessed } = spreadsheet ? { text: '', encoding: '', guessed: false } : decodeText(file.bytes, fallback);
    if (!spreadsheet && isTalkFile(file, text)) {
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        raw = undefined;
      }
      const named = (raw as { rubric?: unknown } | null)?.rubric;
      const rubric = model.rubrics.find((r) => r.rubric === named) ?? model.rubrics[0]!;
      const opened = openTalkFile(raw, rubric.rubric, rubric.rules);
      if (opened.ok) talks.get(rubric.rubric)!.push(opened.talk);
      reports.push(opened.ok ? { name: file.name, kind: 'talk', rubric: rubric.rubric, dropped: opened.dropped } : { name: file.name, kind: 'talk', problem: opened.problem, dropped: [] });
      continue;
    }
    const { learners: read, ...rest } = readExport(spreadsheet ? [] : parseRows(text), model);
    learners.push(...read);
    reports.push({ name: file.name, kind: 'export', encoding, guessed, rows: read.length, ...rest, ...(spreadsheet ? { problem: 'spreadsheet' as const } : {}) });
  }
  return {
    files: reports,
    cohort: reports.some((r) => r.kind === 'export' && !r.problem) ? cohortResults(learners, model) : undefined,
    talks: model.rubrics.map((r) => ({ rubric: r.rubric, count: talks.get(r.rubric)!.length, levels: talkResults(talks.get(r.rubric)!, r.rules) })),
  };
}
