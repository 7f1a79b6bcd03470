/**
 * Enhances <case-quiz>: marks each answer with the course model's isCorrect() against the key in
 * its config (a slice of the course, src/data/course.ts), shows the prepared explanation and a
 * contrast for the choice made (src/lib/quiz-feedback.ts), keeps a running score, saves progress
 * by question id and restores it after a reload or a republish (marked again against the current
 * key; the learner is told once what an update changed). A checked answer is final for that
 * attempt. The first attempt comes in an order of the browser's own, kept with the progress; a
 * finished quiz shows the percentage against the pass mark, a breakdown by level and what was
 * missed, and offers to retry just those, or everything, in a new order. A save the browser
 * refuses is always said, and saving resumes when it takes writes again; two tabs merge their answers.
 */
import { describeChanges, isCorrect, restoreQuiz, type CourseQuiz } from '../../lib/course';
import type { Dictionary } from '../../lib/i18n/dictionary';
import { chooseCaseFeedback } from '../../lib/quiz-feedback';
import { shuffled } from '../../lib/random';
import { afterAnswer, dueOn, localDay, readQueue, type ReviewQueue } from '../../lib/review-schedule';
import { readQuizProgress, type QuizProgress } from '../../lib/saved-quiz';
import { savedVersion, storageSpace } from '../../lib/saved-state';
import { fill, fillPlural, sentences } from '../../lib/template';
import type { QuizField } from '../../lib/form-fields';
import type { Verdict } from '../../lib/vocabulary';
import { load, otherTabSaved, save } from '../browser-storage';
import { Island } from '../island';
import type { caseQuiz } from './contract';

/** What CaseQuiz.astro writes into data-config: the quiz as the course holds it, without titles. */
export interface CaseQuizConfig extends Pick<CourseQuiz, 'storageKey' | 'version'> {
  /**
   * With its fields, in the order of its key (lib/form-fields.ts quizFields); for a case question,
   * its level; for a scenario, by each wrong score it offers, the level where that score parts
   * from the rule (lib/score-parts.ts, worked out at build time).
   */
  questions: (Pick<CourseQuiz['questions'][number], 'id' | 'key' | 'title'> & { fields: readonly QuizField[]; level?: number; partsAt?: Record<string, number> })[];
  /** Percent, as the LMS uses it (content/lms.yaml). */
  passMark: number;
  /** By level: its name ("Level 2"), statement and evidence rule in one line. */
  levels: Record<string, { name: string; statement: string; rule: string }>;
  verdicts: Record<Verdict, string>;
  scoreChoice: string;
  texts: Dictionary['quiz']['script'];
}


export class CaseQuiz extends Island<CaseQuizConfig, typeof caseQuiz> {
  progress: QuizProgress = { version: savedVersion, order: [], answers: {} };
  /** Said until a save goes through: why the last one did not. */
  private saveProblem = '';
  /** Answers of this tab that no save has taken yet: laid over what another tab saved. */
  private unsaved = new Set<string>();
  /** Said once, until the next answer: what loading found (kept aside, updated). */
  private notice = '';
  /** Spaced review, by question id: kept in this browser only (`<storage key>/review`). */
  private queue: ReviewQueue = {};

  protected connect() {
    const { storageKey, texts } = this.config;
    const loaded = load(storageKey, readQuizProgress);
    // Saved progress it can neither read nor keep aside is not saved over: nothing is saved.
    if (!loaded.available || loaded.leftInPlace) this.saveProblem = texts.noStorage;
    if (loaded.keptAside) this.notice = texts.keptAside;
    try {
      this.queue = readQueue(JSON.parse(localStorage.getItem(storageSpace.quizReview(storageKey))!));
    } catch {
      // No storage, or damaged: review starts afresh.
    }
    if (loaded.value?.order.length) this.adopt(loaded.value, true);
    else {
      // The built page lists questions by level; a first attempt should not (the order is saved with the first answer).
      this.progress.order = shuffled(this.ids(), Math.random);
      if (loaded.value) this.adopt({ ...loaded.value, order: this.progress.order }, true);
      else this.applyOrder();
    }
    this.on(this, 'submit', (event) => {
      event.preventDefault();
      const q = this.questions().find((x) => x.contains(event.target as Node));
      if (q) this.check(q);
    });
    this.on(this.target('retry'), 'click', () => this.retry());
    this.on(this.target('retry-missed'), 'click', () => this.retry(this.missed()));
    this.on(this.target('review-due'), 'click', () => this.retry(this.due()));
    // Deleting the quiz's answers from this browser (saved-form-actions.ts, loaded on the click).
    this.on(this.target('delete'), 'click', () => void import('../saved-form-actions').then((actions) => actions.forgetQuiz(this.target('delete-dialog', HTMLDialogElement), storageKey)));
    this.on(
      window,
      'storage',
      otherTabSaved(storageKey, (text) => {
        const other = text === null ? undefined : readQuizProgress(JSON.parse(text));
        const mine = Object.fromEntries([...this.unsaved].map((id) => [id, this.progress.answers[id]!]));
        if (other) this.adopt({ ...other, answers: { ...other.answers, ...mine } }, false);
      }),
    );
    this.updateStatus('');
  }

  /** Shows `saved` progress, marked against the current key; a first load also says what an update changed, once. */
  private adopt(saved: QuizProgress, firstLoad: boolean) {
    const { progress, changes } = restoreQuiz(this.config, saved);
    this.progress = progress;
    this.applyOrder();
    for (const q of this.questions()) {
      const id = this.idOf(q);
      const answer = this.progress.answers[id];
      // Each part of the saved choice goes back to its own field (a value the field no longer offers, or no answer, checks none).
      this.question(id)?.fields.forEach((field, part) => {
        for (const input of this.radios(q, field)) input.checked = input.value === answer?.choice[part];
      });
      if (answer) this.showFeedback(q, answer.choice, answer.correct);
      else this.hideFeedback(q);
    }
    if (firstLoad && saved.keyVersion !== this.config.version) {
      this.notice = describeChanges(changes, this.config.texts, document.documentElement.lang, String, '');
      this.persist();
    }
    this.updateStatus('');
  }

  questions() {
    return this.targets('question');
  }

  /** The questions' ids, in the order shown. */
  private ids() {
    return this.questions().map((q) => this.idOf(q));
  }

  /** The id (lib/course.ts) of the question part `q`. */
  idOf(q: HTMLElement) {
    return this.data(q, 'question')!;
  }

  /** The radio buttons of the field `name` of question `q`. */
  private radios(q: HTMLElement, name: QuizField) {
    return [...q.querySelectorAll<HTMLInputElement>(`[name="${name}"]`)];
  }

  /** Puts the questions in the saved order; questions the saved order lacks keep their place at the end. */
  private applyOrder() {
    const list = this.target('questions');
    const byId = new Map(this.questions().map((q) => [this.idOf(q), q]));
    for (const id of this.progress.order) {
      const q = byId.get(id);
      if (q) list.append(q);
    }
    for (const [id, q] of byId) if (!this.progress.order.includes(id)) list.append(q);
  }

  private check(q: HTMLElement) {
    const { texts } = this.config;
    const id = this.idOf(q);
    // A checked answer is final for this attempt (the controls are disabled; this holds against a stale form too).
    if (this.progress.answers[id]) return;
    const question = this.question(id);
    const choice = (question?.fields ?? []).map((field) => this.radios(q, field).find((i) => i.checked)?.value);
    if (!question || choice.includes(undefined)) {
      this.updateStatus(texts.chooseEach);
      return;
    }
    const correct = isCorrect(question, choice as string[]);
    this.progress.answers[id] = { choice: choice as string[], correct };
    // A retired question's entry becomes undefined, which the saved JSON leaves out.
    this.queue[id] = afterAnswer(this.queue[id], correct, localDay());
    try {
      localStorage.setItem(storageSpace.quizReview(this.config.storageKey), JSON.stringify(this.queue));
    } catch {
      // Refused: the review schedule lives for this page only; the answer itself is saved as usual.
    }
    this.notice = '';
    this.persist(id);
    this.showFeedback(q, choice as string[], correct);
    this.updateStatus(correct ? texts.right : texts.wrong);
    this.target('feedback', HTMLElement, q).focus();
  }

  question(id: string) {
    return this.config.questions.find((x) => x.id === id);
  }

  /** The contrast the feedback chooser picks for `choice`, in words; empty when it is right. */
  contrast(id: string, choice: readonly string[]): string {
    const { texts, levels, verdicts } = this.config;
    const question = this.question(id);
    if (!question || isCorrect(question, choice)) return '';
    // A wrong score always parts from the rule somewhere.
    if (question.partsAt) return fill(texts.scoreParts, { score: choice[0]!, level: question.partsAt[choice[0]!]! });
    const [rightLevel, rightVerdict] = question.key as [string, Verdict];
    const picked = chooseCaseFeedback({ level: +choice[0]!, verdict: choice[1] as Verdict }, { level: +rightLevel, verdict: rightVerdict });
    if (picked.kind === 'right') return '';
    const right = levels[picked.level]!;
    const verdict = { verdict: verdicts[picked.verdict], rule: right.rule };
    if (picked.kind === 'verdict') return fill(texts.verdictWrong, verdict);
    const chosen = levels[picked.chosen]!;
    const contrast = fill(picked.kind === 'lower' ? texts.lower : texts.higher, {
      chosen: chosen.name,
      chosenStatement: chosen.statement,
      level: right.name,
      statement: right.statement,
    });
    return picked.verdictToo ? `${contrast} ${fill(texts.verdictToo, verdict)}` : contrast;
  }

  private showFeedback(q: HTMLElement, choice: readonly string[], correct: boolean) {
    const id = this.idOf(q);
    this.target('verdict', HTMLElement, q).textContent = correct ? this.config.texts.right : this.config.texts.wrong;
    const contrast = this.contrast(id, choice);
    const box = this.target('contrast', HTMLElement, q);
    this.target('contrast-text', HTMLElement, box).textContent = contrast;
    box.hidden = !contrast;
    // A scenario: mark the level of the chain where the learner's score and the rule part.
    const parts = this.question(id)?.partsAt?.[choice[0]!];
    this.targets('reason', q).forEach((li, i) => {
      li.classList.toggle('parts-here', i + 1 === parts);
      this.target('parts-mark', HTMLElement, li).hidden = i + 1 !== parts;
    });
    this.target('feedback', HTMLElement, q).hidden = false;
    this.setFinal(q, true);
    q.classList.toggle('is-right', correct);
    q.classList.toggle('is-wrong', !correct);
  }

  private hideFeedback(q: HTMLElement) {
    this.target('feedback', HTMLElement, q).hidden = true;
    this.setFinal(q, false);
    q.classList.remove('is-right', 'is-wrong');
  }

  /** A checked question's choices and button are disabled until the learner retries it. */
  private setFinal(q: HTMLElement, final: boolean) {
    for (const e of this.target('form', HTMLFormElement, q).elements) (e as HTMLFieldSetElement).disabled = final;
  }

  /** The answered questions whose review is due today (in the learner's time zone). */
  private due() {
    return dueOn(this.queue, localDay()).filter((id) => this.progress.answers[id]);
  }

  /** The questions answered wrong, in the order shown. */
  missed() {
    return this.questions()
      .map((q) => this.idOf(q))
      .filter((id) => this.progress.answers[id]?.correct === false);
  }

  /**
   * Starts again in a new order: every question, or (`only`) just those, which come first; the
   * others keep their answers. Answers to questions the quiz no longer has stay kept.
   */
  private retry(only?: string[]) {
    const all = this.ids();
    const again = shuffled(only ?? all, Math.random);
    const answers = Object.fromEntries(Object.entries(this.progress.answers).filter(([id]) => !again.includes(id)));
    const order = [...again, ...all.filter((id) => !again.includes(id))];
    this.progress = { version: savedVersion, order, answers, keyVersion: this.config.version };
    this.unsaved.clear();
    this.applyOrder();
    this.persist();
    for (const q of this.questions()) {
      if (!again.includes(this.idOf(q))) continue;
      this.target('form', HTMLFormElement, q).reset();
      this.hideFeedback(q);
    }
    this.notice = '';
    this.updateStatus('');
    this.questions()[0]?.querySelector('input')?.focus();
  }

  /**
   * Saves the progress. With `answered`, what another tab saved meanwhile is kept: only this
   * tab's answers not yet saved are laid over the stored progress.
   */
  private persist(answered?: string) {
    const { storageKey, texts } = this.config;
    this.progress.order = this.ids();
    if (answered) {
      this.unsaved.add(answered);
      const stored = load(storageKey, readQuizProgress).value;
      const mine = Object.fromEntries([...this.unsaved].map((id) => [id, this.progress.answers[id]!]));
      if (stored) this.progress.answers = { ...restoreQuiz(this.config, stored).progress.answers, ...mine };
    }
    const saved = save(storageKey, this.progress);
    if (saved) this.unsaved.clear();
    this.saveProblem = saved ? '' : texts.noStorage;
  }

  /** Announces `message`, what a save or a load found, and the running score; shows the summary once all are answered. */
  private updateStatus(message: string) {
    const { texts } = this.config;
    const ids = this.ids();
    const answered = ids.filter((id) => this.progress.answers[id]);
    const values = {
      answered: answered.length,
      total: ids.length,
      right: answered.filter((id) => this.progress.answers[id]!.correct).length,
    };
    this.target('status').textContent = sentences(message, this.saveProblem, this.notice, fill(texts.status, values));
    const done = answered.length === ids.length;
    const summary = this.target('summary');
    if (!done) summary.hidden = true;
    // The summary's work is needed once every question is answered: it loads then, not with the
    // page, and shows once written (unless a retry came first).
    else
      void import('./quiz-summary').then(({ summarise }) => {
        if (!this.ids().every((id) => this.progress.answers[id])) return;
        summarise(this, values);
        summary.hidden = false;
      });
    this.showLevels(ids);
  }

  /**
   * How the learner stands on each level (a scenario counts for the level where it stops), from
   * the latest answers, as the LMS gets it (lib/course.ts levelMastery); and the questions due again.
   */
  private showLevels(ids: string[]) {
    const { texts, levels } = this.config;
    const rows = new Map<number, { right: number; answered: number; total: number }>();
    for (const id of ids) {
      const level = this.question(id)?.level ?? Infinity;
      const row = rows.get(level) ?? { right: 0, answered: 0, total: 0 };
      row.total++;
      const answer = this.progress.answers[id];
      if (answer) row.answered++;
      if (answer?.correct) row.right++;
      rows.set(level, row);
    }
    this.target('by-level').replaceChildren(
      ...[...rows]
        .sort(([a], [b]) => a - b)
        .map(([level, row]) =>
          item(
            fill(texts.levelRow, {
              name: levels[level]?.name ?? texts.scenarios,
              state: texts.mastery[!row.answered ? 'untried' : row.right === row.total ? 'secure' : 'learning'],
              ...row,
            }),
          ),
        ),
    );
    const due = this.due().length;
    const button = this.target('review-due');
    button.hidden = !due;
    button.textContent = fillPlural(document.documentElement.lang, texts.reviewDue, due, { count: due });
  }
}

/** A list item (or a paragraph, or a link) holding `text`. */
export function item(text: string, tag: 'li' | 'p' | 'a' = 'li') {
  const el = document.createElement(tag);
  el.textContent = text;
  return el;
}

customElements.define('case-quiz', CaseQuiz);
