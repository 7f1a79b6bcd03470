/**
 * What the course reports to the LMS, in each SCORM version's data model: status, score,
 * progress and one interaction per answered quiz question and self-assessment level. Pure: the
 * launch page's adapter sends the values that changed since it last sent them.
 */
import { courseStatus, isRight, type LearnerState, type ScormCourse, type ScormVersion } from './course';

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
    /** The pass mark the LMS took from the manifest, 0–100. */
    passingScore: 'cmi.student_data.mastery_score',
    passingScoreScale: 100,
    interactionCount: 'cmi.interactions._count',
    /** SCORM 1.2 keeps 4,096 characters of suspended state; 2004 (3rd edition) 64,000. */
    suspendLimit: 4096,
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
    /** The pass mark the LMS took from the manifest, 0–1. */
    passingScore: 'cmi.scaled_passing_score',
    passingScoreScale: 1,
    interactionCount: 'cmi.interactions._count',
    suspendLimit: 64000,
    locationLimit: 1000,
  },
} as const satisfies Record<ScormVersion, unknown>;

export type CmiValue = readonly [element: string, value: string];

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
 * The values that describe `state`, in the order they must be set (an interaction's id before
 * its other parts). The score is a percentage (raw 0–100), as LMS gradebooks read SCORM scores;
 * success and the score are left unset (unknown) until every quiz question is answered.
 */
export function reportValues(course: ScormCourse, state: LearnerState, interactions: readonly string[]): CmiValue[] {
  const v12 = course.version === '1.2';
  const status = courseStatus(course, state);
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
  // moment it has one. A retried quiz's new result replaces the last one when it is complete.
  if (status.passed !== undefined) {
    const score = v12 ? 'cmi.core.score' : 'cmi.score';
    values.push([`${score}.min`, '0'], [`${score}.max`, '100'], [`${score}.raw`, decimal(percent)]);
    if (!v12) values.push(['cmi.score.scaled', decimal(percent / 100)]);
  }
  const list = (parts: readonly string[]) => parts.join(v12 ? ',' : '[,]');
  interactions.forEach((key, n) => {
    const at = `cmi.interactions.${n}`;
    const [kind, index = '', item = ''] = /^([qa])(\d+)\.(.+)$/.exec(key)?.slice(1) ?? [];
    if (kind === 'q') {
      const quiz = course.quizzes[Number(index)];
      const question = quiz?.questions[Number(item)];
      const answer = question && state.quizzes[Number(index)]?.answers[question.id];
      if (!quiz || !question || !answer) return;
      const right = isRight(question, answer.choice);
      values.push([`${at}.id`, `${quiz.rubric}.${question.id}`], [`${at}.type`, 'choice']);
      if (!v12) values.push([`${at}.description`, description(question.title)]);
      values.push(
        [`${at}.${v12 ? 'student_response' : 'learner_response'}`, list(answer.choice)],
        [`${at}.correct_responses.0.pattern`, list(question.key)],
        [`${at}.result`, right ? 'correct' : v12 ? 'wrong' : 'incorrect'],
      );
    } else if (kind === 'a') {
      const sa = course.selfAssessments[Number(index)];
      const level = sa?.levels.find((l) => String(l.level) === item);
      const answer = level && state.selfAssessments[Number(index)]?.answers[level.level];
      if (!sa || !level || !answer) return;
      values.push([`${at}.id`, `${sa.rubric}.self-assessment.level-${level.level}`], [`${at}.type`, 'likert']);
      if (!v12) values.push([`${at}.description`, description(level.title)]);
      // The self-assessment is the learner's own view: reported, never marked right or wrong.
      values.push([`${at}.${v12 ? 'student_response' : 'learner_response'}`, answer], [`${at}.result`, 'neutral']);
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
