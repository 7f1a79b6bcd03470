/**
 * Enhances <case-quiz>: marks each answer with the course model's isCorrect() against the key in
 * its config (a slice of the course, src/data/course.ts), shows the prepared explanation, keeps
 * a running score, saves progress by question id and restores it after a reload or a republish
 * (marked again against the current key; the learner is told once what an update changed), and
 * offers a retry in a new order. A save the browser refuses is always said, and saving resumes
 * when it takes writes again; two tabs merge their answers.
 */
import { describeChanges, isCorrect, restoreQuiz, type CourseQuiz } from '../../lib/course';
import type { Dictionary } from '../../lib/i18n/dictionary';
import { shuffled } from '../../lib/random';
import { readQuizProgress, type QuizProgress } from '../../lib/saved-quiz';
import { savedVersion } from '../../lib/saved-state';
import { fill, fillPlural, sentences } from '../../lib/template';
import { load, otherTabSaved, save } from '../browser-storage';
import { Island } from '../island';

/** What CaseQuiz.astro writes into data-config: the quiz as the course holds it, without titles. */
export interface CaseQuizConfig extends Pick<CourseQuiz, 'storageKey' | 'version'> {
  questions: Pick<CourseQuiz['questions'][number], 'id' | 'key'>[];
  texts: Dictionary['quiz']['script'];
}

class CaseQuiz extends Island<CaseQuizConfig> {
  private progress: QuizProgress = { version: savedVersion, order: [], answers: {} };
  /** Said until a save goes through: why the last one did not. */
  private saveProblem = '';
  /** Answers of this tab that no save has taken yet: laid over what another tab saved. */
  private unsaved = new Set<string>();
  /** Said once, until the next answer: what loading found (kept aside, updated). */
  private notice = '';

  protected connect() {
    const { storageKey, texts } = this.config;
    const loaded = load(storageKey, readQuizProgress);
    // Saved progress it can neither read nor keep aside is not saved over: nothing is saved.
    if (!loaded.available || loaded.leftInPlace) this.saveProblem = texts.noStorage;
    if (loaded.keptAside) this.notice = texts.keptAside;
    if (loaded.value) this.adopt(loaded.value, true);
    this.on(this, 'submit', (event) => {
      event.preventDefault();
      const q = (event.target as HTMLElement).closest<HTMLElement>(`[data-target="${this.localName}.question"]`);
      if (q) this.check(q);
    });
    this.on(this.target('retry', HTMLButtonElement), 'click', () => this.retry());
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
      const answer = this.progress.answers[q.dataset.question!];
      const inputs = this.inputsOf(q);
      inputs.flat().forEach((input) => (input.checked = false));
      if (answer) {
        answer.choice.forEach((value, part) => {
          const input = inputs[part]?.find((i) => i.value === value);
          if (input) input.checked = true;
        });
        this.showFeedback(q, answer.correct);
      } else this.hideFeedback(q);
    }
    if (firstLoad && saved.keyVersion !== this.config.version) {
      this.notice = describeChanges(changes, this.config.texts, document.documentElement.lang, String, '');
      this.persist();
    }
    this.updateStatus('');
  }

  private questions() {
    return this.targets('question');
  }

  /** The radio buttons of each part (fieldset) of a question. */
  private inputsOf(q: HTMLElement) {
    return [...q.querySelectorAll('fieldset')].map((f) => [...f.querySelectorAll<HTMLInputElement>('input')]);
  }

  /** Puts the questions in the saved order; questions the saved order lacks keep their place at the end. */
  private applyOrder() {
    const list = this.target('questions');
    const byId = new Map(this.questions().map((q) => [q.dataset.question!, q]));
    for (const id of this.progress.order) {
      const q = byId.get(id);
      if (q) list.append(q);
    }
    for (const q of byId.values()) if (!this.progress.order.includes(q.dataset.question!)) list.append(q);
  }

  private check(q: HTMLElement) {
    const { texts, questions } = this.config;
    const id = q.dataset.question!;
    const question = questions.find((x) => x.id === id);
    const choice = this.inputsOf(q).map((inputs) => inputs.find((i) => i.checked)?.value);
    if (!question || choice.some((c) => c === undefined)) {
      this.updateStatus(texts.chooseEach);
      return;
    }
    const correct = isCorrect(question, choice as string[]);
    this.progress.answers[id] = { choice: choice as string[], correct };
    this.notice = '';
    this.persist(id);
    this.showFeedback(q, correct);
    this.updateStatus(correct ? texts.right : texts.wrong);
  }

  private showFeedback(q: HTMLElement, correct: boolean) {
    this.target('verdict', HTMLElement, q).textContent = correct ? this.config.texts.right : this.config.texts.wrong;
    this.target('feedback', HTMLElement, q).hidden = false;
    q.classList.toggle('is-right', correct);
    q.classList.toggle('is-wrong', !correct);
  }

  private hideFeedback(q: HTMLElement) {
    this.target('feedback', HTMLElement, q).hidden = true;
    q.classList.remove('is-right', 'is-wrong');
  }

  private retry() {
    const ids = shuffled(
      this.questions().map((q) => q.dataset.question!),
      Math.random,
    );
    // Answers to questions the quiz no longer has stay kept; the current ones start again.
    const retired = Object.entries(this.progress.answers).filter(([id]) => !ids.includes(id));
    this.progress = { version: savedVersion, order: ids, answers: Object.fromEntries(retired), keyVersion: this.config.version };
    this.unsaved.clear();
    this.applyOrder();
    this.persist();
    for (const q of this.questions()) {
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
    this.progress.order = this.questions().map((q) => q.dataset.question!);
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
    const ids = this.questions().map((q) => q.dataset.question!);
    const answered = ids.filter((id) => this.progress.answers[id]);
    const values = {
      answered: answered.length,
      total: ids.length,
      right: answered.filter((id) => this.progress.answers[id]!.correct).length,
    };
    this.target('status').textContent = sentences(message, this.saveProblem, this.notice, fill(texts.status, values));
    const done = answered.length === ids.length;
    this.target('summary').hidden = !done;
    if (done) this.target('summary-text').textContent = fillPlural(document.documentElement.lang, texts.summary, values.total, values);
  }
}

customElements.define('case-quiz', CaseQuiz);
