/**
 * Moodle's SCORM "Interactions" report download, made from simulated learners with known answers
 * through the project's own report code (src/lib/scorm/report.ts reportValues), so every figure
 * the results page shows has a known truth.
 *
 * The layout is Moodle's (mod/scorm/report/interactions/classes/report.php, download "CSV"):
 * csv_export_writer('tab') writes each row with PHP's fputcsv (tab-separated, a field quoted
 * when it holds a tab, quote, backslash, line break or space); the columns are Name, the site's
 * identity fields (by default "Email address"), Attempt, Started, Last accessed, Score, one
 * column per SCO (its score raw/max, or its status), then for each interaction index i from 0
 * "Question i" (cmi.interactions_i.id), "Response i" (cmi.interactions_i.student_response: a
 * 2004 package's learner_response is not read, so the cell stays empty), "Right answer i" (the
 * correct_responses patterns, comma-joined) and "Result i". Every value goes through s() (HTML
 * escapes). A learner with no attempt has "-" in the four attempt columns, "Not attempted" for
 * the SCO and empty interaction cells.
 */
import { courseOf, quizOf, selfAssessmentOf, steps } from './course';
import { isCorrect, itemKey, type Course, type LearnerRecord } from '../../src/lib/course';
import type { ResultsModel } from '../../src/lib/cohort-results';
import { seededRandom, shuffled } from '../../src/lib/random';
import { allowedAnswers, possibleScores, type LevelRule } from '../../src/lib/rubric-model';
import { reportValues, type CmiValue } from '../../src/lib/scorm/report';
import type { ScormVersion } from '../../src/lib/scorm/course';
import { savedVersion, type FeedbackTalk } from '../../src/lib/saved-state';
import type { LevelAnswer } from '../../src/lib/vocabulary';

export interface SimAttempt {
  /** Question id → the parts chosen (answered questions only). */
  choices: Record<string, string[]>;
  /** Rubric → level → the self-assessment answer. */
  levels: Record<string, Record<number, LevelAnswer>>;
  /** The item keys in the order the learner answered them (the LMS's interaction numbers). */
  order: string[];
}

export interface SimLearner {
  name: string;
  email: string;
  /** None: enrolled, never launched. */
  attempts: SimAttempt[];
}

/** The choices a question offers: every level with every verdict for a case, every possible score for a scenario. */
function offered(question: { key: string[] }, rules: readonly LevelRule[]): string[][] {
  if (question.key.length === 2) return rules.flatMap(({ level }) => ['meets', 'falls-short'].map((verdict) => [String(level), verdict]));
  return possibleScores(rules).map((score) => [String(score)]);
}

export interface CohortOptions {
  learners: number;
  seed: number;
  /** Enrolled learners who never started. */
  notStarted?: number;
  /** Share of learners with a second attempt (the first one counts). */
  retakes?: number;
  /** Share of learners who stop before the end of the quiz. */
  unfinished?: number;
}

/**
 * Learners of varied ability answering `course`'s questions of varied difficulty: a wrong case
 * answer mostly picks a neighbouring level, so the confusion table has a shape; a self-assessment
 * answer per level. Deterministic for a seed.
 */
export function simulateCohort(course: Course, rules: Record<string, LevelRule[]>, options: CohortOptions): SimLearner[] {
  const random = seededRandom(options.seed);
  const questions = course.quizzes.flatMap((quiz) => quiz.questions.map((q) => ({ quiz, q, difficulty: random() * 0.6 })));
  const attempt = (ability: number, finish: boolean): SimAttempt => {
    const choices: Record<string, string[]> = {};
    const answered = finish ? questions : questions.slice(0, Math.floor(questions.length / 2));
    for (const { quiz, q, difficulty } of answered) {
      if (random() < ability - difficulty + 0.3) {
        choices[q.id] = q.key;
        continue;
      }
      const wrong = offered(q, rules[quiz.rubric]!).filter((c) => !isCorrect(q, c));
      // Half of the wrong case answers take the level next to the true one.
      const near = wrong.filter((c) => c.length === 2 && Math.abs(Number(c[0]) - Number(q.key[0])) === 1);
      const pool = near.length && random() < 0.5 ? near : wrong;
      choices[q.id] = pool[Math.floor(random() * pool.length)]!;
    }
    const levels = Object.fromEntries(
      course.selfAssessments.map((sa) => [sa.rubric, Object.fromEntries(sa.levels.map((l) => [l.level, l.answers[Math.floor(random() * l.answers.length)]!]))]),
    );
    const items = [...Object.keys(choices).map(itemKey.question), ...course.selfAssessments.flatMap((sa) => sa.levels.map((l) => itemKey.level(sa.rubric, l.level)))];
    return { choices, levels, order: shuffled(items, random) };
  };
  return Array.from({ length: options.learners + (options.notStarted ?? 0) }, (_, n) => {
    const name = `Learner ${String(n + 1).padStart(4, '0')}`;
    const email = `learner${n + 1}@example.com`;
    if (n >= options.learners) return { name, email, attempts: [] };
    const ability = 0.2 + random() * 0.75;
    const first = attempt(ability, random() >= (options.unfinished ?? 0));
    return { name, email, attempts: random() < (options.retakes ?? 0) ? [first, attempt(Math.min(1, ability + 0.3), true)] : [first] };
  });
}

/** What the LMS holds of an attempt: the report's values for its record. */
function attemptValues(course: Course, version: ScormVersion, a: SimAttempt): CmiValue[] {
  const record: LearnerRecord = {
    opened: course.steps.map((s) => s.id),
    quizzes: Object.fromEntries(
      course.quizzes.map((quiz) => [
        quiz.id,
        {
          version: savedVersion,
          order: quiz.questions.map((q) => q.id),
          answers: Object.fromEntries(quiz.questions.filter((q) => a.choices[q.id]).map((q) => [q.id, { choice: a.choices[q.id]!, correct: isCorrect(q, a.choices[q.id]!) }])),
        },
      ]),
    ),
    selfAssessments: Object.fromEntries(
      Object.entries(a.levels).map(([rubric, answers]) => [rubric, { version: savedVersion, rubric, answers, notes: {}, name: '', period: '' }]),
    ),
    interactions: a.order,
  };
  return reportValues(course, version, record, a.order);
}

/** PHP's fputcsv for one row (delimiter tab, enclosure "), with its "\n". */
export function fputcsv(row: readonly string[], delimiter = '\t'): string {
  const quoted = (field: string) => field.includes(delimiter) || /["\\\n\r\t ]/.test(field);
  return `${row.map((field) => (quoted(field) ? `"${field.replace(/"/g, '""')}"` : field)).join(delimiter)}\n`;
}

/** Moodle's s(): HTML special characters escaped. */
const s = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#039;');

/** userdate()'s default format (strftimedaydatetime), in UTC. */
const userdate = (ms: number) => {
  const d = new Date(ms);
  const part = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', ...o }).format(d);
  const hour = d.getUTCHours() % 12 || 12;
  return `${part({ weekday: 'long' })}, ${d.getUTCDate()} ${part({ month: 'long' })} ${d.getUTCFullYear()}, ${hour}:${String(d.getUTCMinutes()).padStart(2, '0')} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`;
};

const statusNames: Record<string, string> = { passed: 'Passed', completed: 'Completed', failed: 'Failed', incomplete: 'Incomplete', browsed: 'Browsed', 'not attempted': 'Not attempted' };

export interface ExportOptions {
  /** The SCO's title (the manifest's item title), the header of its column. */
  scoTitle?: string;
  /** Tab (Moodle's text download) or comma (the same columns saved as CSV). */
  delimiter?: '\t' | ',';
}

/** The interactions report of `learners` taking `course`'s `version` package (or each learner's), as Moodle downloads it. */
export function moodleExport(course: Course, version: ScormVersion | ((learner: number) => ScormVersion), learners: readonly SimLearner[], options: ExportOptions = {}): string {
  const delimiter = options.delimiter ?? '\t';
  const versionOf = (n: number) => (typeof version === 'function' ? version(n) : version);
  const attempts = learners.map((l, n) => l.attempts.map((a) => new Map(attemptValues(course, versionOf(n), a).map(([k, v]) => [k, v]))));
  const questionCount = attempts.flat().reduce((most, held) => Math.max(most, ...[...held.keys()].map((k) => Number(/^cmi\.interactions\.(\d+)\.id$/.exec(k)?.[1] ?? -1) + 1)), 0);
  const header = ['Name', 'Email address', 'Attempt', 'Started', 'Last accessed', 'Score', options.scoTitle ?? 'Customer First onboarding'];
  for (let i = 0; i < questionCount; i++) header.push(`Question ${i}`, `Response ${i}`, `Right answer ${i}`, `Result ${i}`);
  const lines = [fputcsv(header, delimiter)];
  const start = Date.UTC(2026, 9, 5, 1, 30);
  learners.forEach((learner, n) => {
    if (!learner.attempts.length) {
      lines.push(fputcsv([learner.name, learner.email, '-', '-', '-', '-', 'Not attempted', ...Array.from({ length: questionCount * 4 }, () => '')], delimiter));
      return;
    }
    attempts[n]!.forEach((held, a) => {
      const v12 = versionOf(n) === '1.2';
      const raw = held.get(v12 ? 'cmi.core.score.raw' : 'cmi.score.raw');
      // score_raw = (float) sprintf('%2.2f'): PHP prints the float without trailing zeros.
      const scoreRaw = raw === undefined ? '' : String(Number(Number(raw).toFixed(2)));
      const status = held.get(v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status') ?? 'not attempted';
      const max = held.get(v12 ? 'cmi.core.score.max' : 'cmi.score.max');
      const begun = start + (n * 97 + a * 86_400) * 60_000;
      const row = [
        learner.name,
        learner.email,
        String(a + 1),
        userdate(begun),
        userdate(begun + 45 * 60_000),
        scoreRaw || '0',
        scoreRaw ? `${scoreRaw}${max === undefined ? '' : `/${max}`}` : statusNames[status]!,
      ];
      for (let i = 0; i < questionCount; i++) {
        const at = (part: string) => held.get(`cmi.interactions.${i}.${part}`);
        const patterns: string[] = [];
        for (let j = 0; at(`correct_responses.${j}.pattern`) !== undefined; j++) patterns.push(s(at(`correct_responses.${j}.pattern`)!));
        row.push(s(at('id') ?? ''), s(at('student_response') ?? ''), patterns.join(','), s(at('result') ?? ''));
      }
      lines.push(fputcsv(row, delimiter));
    });
  });
  return lines.join('');
}

/** A course with the questions and levels of a results model: what the page's config says the course is. */
export function courseOfModel(model: ResultsModel): Course {
  return courseOf(
    {
      steps,
      quizzes: model.rubrics.map((r) => quizOf(r.rubric, r.questions.map((q) => ({ id: q.id, key: q.key, title: q.title, level: q.key.length === 2 ? Number(q.key[0]) : undefined })))),
      selfAssessments: model.rubrics.map((r) => selfAssessmentOf(r.rubric, r.rules)),
    },
    model.passMark,
  );
}

/**
 * `count` feedback talks on `rubric`, as the review page saves them: random answers on each side,
 * the manager agreeing with the employee on every fourth talk, the agreed outcome the manager's
 * on every other one. Deterministic for a seed.
 */
export function simulateTalks(rubric: string, rules: readonly LevelRule[], count: number, seed: number): FeedbackTalk[] {
  const random = seededRandom(seed);
  const side = () => Object.fromEntries(rules.map((rule) => [rule.level, allowedAnswers(rule)[Math.floor(random() * allowedAnswers(rule).length)]!]));
  return Array.from({ length: count }, (_, n) => {
    const self = side();
    const manager = n % 4 === 0 ? { ...self } : side();
    return {
      version: savedVersion,
      kind: 'feedback-talk',
      rubric,
      self: { version: savedVersion, rubric, answers: self, notes: {}, name: `Employee ${n + 1}`, period: '2026 Q4' },
      manager: { name: 'Manager', period: '2026 Q4', answers: manager, notes: {} },
      agreed: { answers: n % 2 ? manager : {}, nextStep: '' },
    };
  });
}
