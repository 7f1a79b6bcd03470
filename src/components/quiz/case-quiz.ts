/**
 * Enhances <case-quiz>: checks each answer against the key the build wrote (data-answer),
 * shows the prepared explanation, keeps a running score, saves progress in localStorage and
 * restores it after a reload, and offers a retry in a new order.
 */
import type { Dictionary } from '../../lib/i18n/dictionary';
import { shuffled } from '../../lib/random';
import { readQuizProgress, type QuizProgress } from '../../lib/saved-quiz';
import { savedVersion } from '../../lib/saved-state';
import { fill, fillPlural } from '../../lib/template';
import { load, save } from '../browser-storage';
import { Island } from '../island';

/** What CaseQuiz.astro writes into data-config. */
export interface CaseQuizConfig {
  storageKey: string;
  texts: Dictionary['quiz']['script'];
}

class CaseQuiz extends Island<CaseQuizConfig> {
  private progress: QuizProgress = { version: savedVersion, order: [], answers: {} };
  private canSave = true;

  protected connect() {
    const { storageKey, texts } = this.config;
    const loaded = load(storageKey, readQuizProgress);
    this.canSave = loaded.available;
    if (loaded.value) this.progress = loaded.value;
    this.applyOrder();
    for (const q of this.questions()) {
      const saved = this.progress.answers[q.dataset.question!];
      if (saved) {
        const inputs = this.inputsOf(q);
        saved.choice.forEach((value, part) => {
          const input = inputs[part]?.find((i) => i.value === value);
          if (input) input.checked = true;
        });
        this.showFeedback(q, saved.correct);
      }
    }
    this.on(this, 'submit', (event) => {
      event.preventDefault();
      const q = (event.target as HTMLElement).closest<HTMLElement>(`[data-target="${this.localName}.question"]`);
      if (q) this.check(q);
    });
    this.on(this.target('retry', HTMLButtonElement), 'click', () => this.retry());
    this.updateStatus(loaded.keptAside ? texts.keptAside : loaded.available ? '' : texts.noStorage);
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
    const { texts } = this.config;
    const choice = this.inputsOf(q).map((inputs) => inputs.find((i) => i.checked)?.value);
    if (choice.some((c) => c === undefined)) {
      this.updateStatus(texts.chooseEach);
      return;
    }
    const correct = choice.join(' ') === q.dataset.answer;
    this.progress.answers[q.dataset.question!] = { choice: choice as string[], correct };
    this.persist();
    this.showFeedback(q, correct);
    this.updateStatus(correct ? texts.right : texts.wrong);
  }

  private showFeedback(q: HTMLElement, correct: boolean) {
    this.target('verdict', HTMLElement, q).textContent = correct ? this.config.texts.right : this.config.texts.wrong;
    this.target('feedback', HTMLElement, q).hidden = false;
    q.classList.toggle('is-right', correct);
    q.classList.toggle('is-wrong', !correct);
  }

  private retry() {
    const ids = shuffled(
      this.questions().map((q) => q.dataset.question!),
      Math.random,
    );
    this.progress = { version: savedVersion, order: ids, answers: {} };
    this.applyOrder();
    this.persist();
    for (const q of this.questions()) {
      this.target('form', HTMLFormElement, q).reset();
      this.target('feedback', HTMLElement, q).hidden = true;
      q.classList.remove('is-right', 'is-wrong');
    }
    this.updateStatus('');
    this.questions()[0]?.querySelector('input')?.focus();
  }

  private persist() {
    if (!this.canSave) return;
    this.progress.order = this.questions().map((q) => q.dataset.question!);
    if (!save(this.config.storageKey, this.progress)) this.updateStatus(this.config.texts.noStorage);
  }

  /** Announces `message` followed by the running score; shows the summary once all are answered. */
  private updateStatus(message: string) {
    const { texts } = this.config;
    const ids = this.questions().map((q) => q.dataset.question!);
    const answered = ids.filter((id) => this.progress.answers[id]);
    const values = {
      answered: answered.length,
      total: ids.length,
      right: answered.filter((id) => this.progress.answers[id]!.correct).length,
    };
    this.target('status').textContent = `${message} ${fill(texts.status, values)}`.trim();
    const done = answered.length === ids.length;
    this.target('summary').hidden = !done;
    if (done) this.target('summary-text').textContent = fillPlural(document.documentElement.lang, texts.summary, values.total, values);
  }
}

customElements.define('case-quiz', CaseQuiz);
