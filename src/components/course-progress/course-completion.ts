/**
 * Enhances <course-completion>, the completion record: once every step of the path is done in
 * this browser, fills in the learner's name (as typed in the self-assessment), today's date, the
 * quiz's result against the pass mark and each level's mastery, for the learner to print or save
 * as PDF. Before that, says how far the path is done. It is a record of self-study, and says so.
 */
import { courseStatus, levelMastery, type CourseStatus, type LevelMastery } from '../../lib/course-status';
import type { CourseOutline } from '../../lib/course-steps';
import type { Dictionary } from '../../lib/i18n/dictionary';
import { fill } from '../../lib/template';
import { Island } from '../island';
import type { DataOf } from '../island-contract';
import type { courseCompletion } from './contract';
import { readRecord } from './learner-record';

type QuizTexts = Dictionary['quiz']['script'];

/** What CourseCompletion.astro writes into data-config. */
export interface CourseCompletionConfig {
  course: CourseOutline;
  /** storageKeys.opened. */
  openedKey: string;
  notFinished: string;
  /** Said when what the browser keeps cannot be counted. */
  unreadable: string;
  noName: string;
  /** The quiz's own words for its result and for a level's mastery. */
  quiz: Pick<QuizTexts, 'percent' | 'passed' | 'notPassed' | 'levelRow' | 'mastery'>;
  /** By rubric, then level: "Level n". */
  levelNames: Record<string, Record<string, string>>;
}

class CourseCompletion extends Island<CourseCompletionConfig, typeof courseCompletion> {
  protected connect() {
    this.on(this.target('print'), 'click', () => window.print());
    // Another tab may finish a step meanwhile.
    this.on(window, 'storage', () => this.update());
    this.update();
  }

  private update() {
    const { course, openedKey, notFinished, unreadable, noName, quiz, levelNames } = this.config;
    const record = readRecord(course, openedKey);
    const unfinished = this.target('unfinished');
    const sheet = this.target('record');
    let status: CourseStatus;
    let levels: LevelMastery[];
    try {
      status = courseStatus(course, record);
      levels = levelMastery(course, record);
    } catch {
      // Saved answers of a shape that cannot be counted: the quiz and the self-assessment keep them aside when they load.
      unfinished.textContent = unreadable;
      unfinished.hidden = false;
      sheet.hidden = true;
      return;
    }
    const steps = Object.values(status.steps);
    unfinished.textContent = fill(notFinished, { done: steps.filter((s) => s === 'done').length, total: steps.length });
    unfinished.hidden = status.completed;
    sheet.hidden = !status.completed;
    if (!status.completed) return;
    const name = course.selfAssessments.map((sa) => String(record.selfAssessments[sa.rubric]?.name ?? '').trim()).find(Boolean);
    this.target('name').textContent = name ?? noName;
    this.target('date').textContent = new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: 'long' }).format(new Date());
    this.target('quiz').textContent = status.questions
      ? fill(quiz.percent, {
          percent: Math.round((100 * status.right) / status.questions),
          right: status.right,
          total: status.questions,
          passMark: Math.round(100 * course.passMark),
          outcome: status.passed ? quiz.passed : quiz.notPassed,
        })
      : '';
    for (const list of this.targets('levels')) {
      const rubric = this.data(list, 'rubric')!;
      list.replaceChildren(
        ...levels
          .filter((m) => m.rubric === rubric)
          .map(({ level, mastery, right, total }) => {
            const li = document.createElement('li');
            li.textContent = fill(quiz.levelRow, { name: levelNames[rubric]?.[level] ?? level, state: quiz.mastery[mastery], right, total });
            li.dataset['mastery' satisfies DataOf<typeof courseCompletion>] = mastery;
            return li;
          }),
      );
    }
  }
}

customElements.define('course-completion', CourseCompletion);
