/**
 * What the course reports to the LMS, in each SCORM version's data model: status, score,
 * progress and one interaction per answered quiz question and self-assessment level. Pure: the
 * launch page's adapter sends the values that changed since it last sent them.
 */
import { courseStatus, isCorrect, levelMastery, type Course, type LearnerRecord } from '../course';
import type { ScormVersion } from './course';
import { itemOf, utf8Bytes } from './suspend-data';

/** The runtime's method and element names, by version. */
export const scormRuntime = {
  '1.2': {
    api: 'API',
    initialize: 'LMSInitialize',
    terminate: 'LMSFinish',
    getValue: 'LMSGetValue',
    setValue: 'LMSSetValue',
    commit: 'LMSCommit',
    getLastError: 'LMSGetLastError',
    location: 'cmi.core.lesson_location',
    suspendData: 'cmi.suspend_data',
    exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time',
    learnerId: 'cmi.core.student_id',
    entry: 'cmi.core.entry',
    interactionCount: 'cmi.interactions._count',
    /** The pass mark the LMS took from the manifest, 0–100. */
    passingScore: 'cmi.student_data.mastery_score',
    passingScoreScale: 100,
    /** SCORM 1.2 keeps 4,096 characters of suspended state: held to 4,096 bytes of UTF-8, as the strictest LMSs store it. */
    suspendLimit: 4096,
    /** 1.2 commits carry only what changed: the budget is the LMS's column. */
    suspendMeasure: 'utf8',
    locationLimit: 255,
  },
  '2004': {
    api: 'API_1484_11',
    initialize: 'Initialize',
    terminate: 'Terminate',
    getValue: 'GetValue',
    setValue: 'SetValue',
    commit: 'Commit',
    getLastError: 'GetLastError',
    location: 'cmi.location',
    suspendData: 'cmi.suspend_data',
    exit: 'cmi.exit',
    sessionTime: 'cmi.session_time',
    learnerId: 'cmi.learner_id',
    entry: 'cmi.entry',
    interactionCount: 'cmi.interactions._count',
    /** The pass mark the LMS took from the manifest, 0–1. */
    passingScore: 'cmi.scaled_passing_score',
    passingScoreScale: 1,
    /**
     * 2004 keeps 64,000 characters, but a 2004 commit in Moodle carries the whole data model,
     * URL-encoded, and the last ones go as beacons, which Chromium refuses past 64 KiB in flight:
     * the state is held to 24,000 characters as it travels, so the exit stays well under.
     */
    suspendLimit: 24000,
    suspendMeasure: 'url-encoded',
    locationLimit: 1000,
  },
} as const satisfies Record<ScormVersion, unknown>;

export type CmiValue = readonly [element: string, value: string];

/** How much room a text takes as the version's LMSs keep or send it. */
export const suspendSize = { utf8: utf8Bytes, 'url-encoded': (text: string) => encodeURIComponent(text).length } as const;

/** A number as the data models write decimals: at most four places, no exponent. */
const decimal = (n: number) => String(Math.round(n * 10000) / 10000);

/**
 * 2004's description (localized_string_type): one line (runtimes refuse line breaks in it) of at
 * most 250 characters, cut between characters rather than inside a surrogate pair.
 */
function description(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= 250) return line;
  const cut = line.slice(0, 249);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/**
 * A response or pattern as the strictest LMSs take it: 2004's short identifiers are checked
 * against `^[\w.]{1,250}$` by Moodle (a hyphen is refused), so the course's ids (`falls-short`,
 * `no-incident`) go with `_`. The ids have no `_` of their own, so a report reads back exactly.
 */
export const responseId = (value: string) => value.replace(/-/g, '_');

/**
 * An interaction's id, `<rubric>.<item>` in the same letters (Moodle's 1.2 and 2004 take more,
 * older runtimes and SCORM Driver only `\w`): what an LMS's interactions report shows raw.
 */
export const interactionId = (rubric: string, item: string) => responseId(`${rubric}.${item}`);

/** A self-assessment level's interaction id (`alibaba_customer_first.self_assessment.level_3`). */
export const levelInteractionId = (rubric: string, level: number) => interactionId(rubric, `self-assessment.level-${level}`);

/** An objective's id: the rubric and level, in the letters interaction ids use (`alibaba_customer_first.level_3`). */
export const objectiveId = (rubric: string, level: number) => responseId(`${rubric}.level_${level}`);

/**
 * The values that describe `record`, in the order they must be set (an interaction's id before
 * its other parts). Each rubric level with graded questions is an objective (course order, id
 * first): its mastery as status (1.2: not attempted / incomplete / passed; 2004: completion and
 * success), its share of questions right as its score. The score is a percentage (raw 0–100), as LMS gradebooks read SCORM scores;
 * success and the score are left unset (unknown) until every quiz question is answered.
 * `interactions` are item keys in the LMS's order; an item the course no longer has is left as
 * the LMS holds it.
 */
export function reportValues(course: Course, scorm: ScormVersion, record: LearnerRecord, interactions: readonly string[]): CmiValue[] {
  const v12 = scorm === '1.2';
  const status = courseStatus(course, record);
  const values: CmiValue[] = [];
  const percent = status.questions ? (100 * status.right) / status.questions : 0;
  if (v12) {
    const lessonStatus = !status.completed ? 'incomplete' : status.passed === undefined ? 'completed' : status.passed ? 'passed' : 'failed';
    values.push(['cmi.core.lesson_status', lessonStatus]);
  } else {
    values.push(['cmi.completion_status', status.completed ? 'completed' : 'incomplete']);
    if (status.passed !== undefined) values.push(['cmi.success_status', status.passed ? 'passed' : 'failed']);
    values.push(['cmi.progress_measure', decimal(status.progress)]);
  }
  // The score is the quiz's result, reported once every question is answered: a gradebook shows
  // no half-done quiz as a low grade, and a 2004 LMS judges success from the scaled score the
  // moment it has one. In 1.2 it waits for the whole path: an LMS that lets the mastery score
  // override the status (Moodle's default) would otherwise show "passed" before the path is done.
  if (status.passed !== undefined && (!v12 || status.completed)) {
    const score = v12 ? 'cmi.core.score' : 'cmi.score';
    values.push([`${score}.min`, '0'], [`${score}.max`, '100'], [`${score}.raw`, decimal(percent)]);
    if (!v12) values.push(['cmi.score.scaled', decimal(percent / 100)]);
  }
  levelMastery(course, record).forEach(({ rubric, level, mastery, right, total }, n) => {
    const at = `cmi.objectives.${n}`;
    values.push([`${at}.id`, objectiveId(rubric, level)]);
    if (v12) values.push([`${at}.status`, mastery === 'untried' ? 'not attempted' : mastery === 'secure' ? 'passed' : 'incomplete']);
    else {
      values.push(
        [`${at}.completion_status`, mastery === 'untried' ? 'not attempted' : mastery === 'secure' ? 'completed' : 'incomplete'],
        [`${at}.success_status`, mastery === 'secure' ? 'passed' : 'unknown'],
      );
    }
    if (mastery === 'untried') return;
    const objectiveScore = `${at}.score`;
    values.push([`${objectiveScore}.min`, '0'], [`${objectiveScore}.max`, '100'], [`${objectiveScore}.raw`, decimal((100 * right) / total)]);
    if (!v12) values.push([`${objectiveScore}.scaled`, decimal(right / total)]);
  });
  const list = (parts: readonly string[]) => parts.map(responseId).join(v12 ? ',' : '[,]');
  const response = v12 ? 'student_response' : 'learner_response';
  interactions.forEach((key, n) => {
    const at = `cmi.interactions.${n}`;
    const item = itemOf(course, key);
    if (item?.kind === 'question') {
      const answer = record.quizzes[item.quiz.id]?.answers[item.question.id];
      if (!answer) return;
      values.push([`${at}.id`, interactionId(item.quiz.rubric, item.question.id)], [`${at}.type`, 'choice']);
      if (!v12) values.push([`${at}.description`, description(item.question.title)]);
      values.push(
        [`${at}.${response}`, list(answer.choice)],
        [`${at}.correct_responses.0.pattern`, list(item.question.key)],
        [`${at}.result`, isCorrect(item.question, answer.choice) ? 'correct' : v12 ? 'wrong' : 'incorrect'],
      );
    } else if (item?.kind === 'level') {
      const answer = record.selfAssessments[item.selfAssessment.rubric]?.answers[item.level.level];
      if (!answer) return;
      values.push([`${at}.id`, levelInteractionId(item.selfAssessment.rubric, item.level.level)], [`${at}.type`, 'likert']);
      if (!v12) values.push([`${at}.description`, description(item.level.title)]);
      // The self-assessment is the learner's own view: reported, never marked right or wrong.
      values.push([`${at}.${response}`, responseId(answer)], [`${at}.result`, 'neutral']);
    }
  });
  return values;
}

/** A session's length as the version writes it: 1.2's HHHH:MM:SS.SS, 2004's ISO 8601 duration. */
export function sessionTime(version: ScormVersion, milliseconds: number): string {
  const seconds = Math.max(0, Math.round(milliseconds / 10) / 100);
  if (version === '2004') return `PT${decimal(seconds)}S`;
  const whole = Math.floor(seconds);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const hundredths = Math.round((seconds - whole) * 100);
  return `${pad(Math.min(9999, Math.floor(whole / 3600)), 4)}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}.${pad(hundredths)}`;
}
