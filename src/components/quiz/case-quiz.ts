/**
 * Enhances <case-quiz>: checks each answer against the key the build wrote (data-answer),
 * shows the prepared explanation, keeps a running score, saves progress in localStorage and
 * restores it after a reload, and offers a retry in a new order.
 */
import { readQuizProgress, savedVersion, type QuizProgress } from '../../lib/saved-state';
import type { Dictionary } from '../../lib/i18n/dictionary';
import { fill } from '../../lib/template';
import { load, save } from '../browser-storage';

type Texts = Dictionary['quiz']['script'];

class CaseQuiz extends HTMLElement {
  private texts!: Texts;
  private key!: string;
  private progress: QuizProgress = { version: savedVersion, order: [], answers: {} };
  private canSave = true;

  connectedCallback() {
    this.texts = JSON.parse(this.dataset.texts!) as Texts;
    this.key = this.dataset.storageKey!;
    const loaded = load(this.key, readQuizProgress);
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
    this.addEventListener('submit', (event) => {
      event.preventDefault();
      const q = (event.target as HTMLElement).closest<HTMLElement>('.question');
      if (q) this.check(q);
    });
    this.$('.retry')?.addEventListener('click', () => this.retry());
    this.updateStatus(loaded.keptAside ? this.texts.keptAside : loaded.available ? '' : this.texts.noStorage);
  }

  private $<T extends HTMLElement = HTMLElement>(selector: string) {
    return this.querySelector<T>(selector);
  }

  private $$<T extends HTMLElement = HTMLElement>(selector: string) {
    return [...this.querySelectorAll<T>(selector)];
  }

  private questions() {
    return this.$$('.question');
  }

  /** The radio buttons of each part (fieldset) of a question. */
  private inputsOf(q: HTMLElement) {
    return [...q.querySelectorAll('fieldset')].map((f) => [...f.querySelectorAll<HTMLInputElement>('input')]);
  }

  /** Puts the questions in the saved order; questions the saved order lacks keep their place at the end. */
  private applyOrder() {
    const list = this.$('.questions')!;
    const byId = new Map(this.questions().map((q) => [q.dataset.question!, q]));
    for (const id of this.progress.order) {
      const q = byId.get(id);
      if (q) list.append(q);
    }
    for (const q of byId.values()) if (!this.progress.order.includes(q.dataset.question!)) list.append(q);
  }

  private check(q: HTMLElement) {
    const choice = this.inputsOf(q).map((inputs) => inputs.find((i) => i.checked)?.value);
    if (choice.some((c) => c === undefined)) {
      this.updateStatus(this.texts.chooseEach);
      return;
    }
    const correct = choice.join(' ') === q.dataset.answer;
    this.progress.answers[q.dataset.question!] = { choice: choice as string[], correct };
    this.persist();
    this.showFeedback(q, correct);
    this.updateStatus(correct ? this.texts.right : this.texts.wrong);
  }

  private showFeedback(q: HTMLElement, correct: boolean) {
    const feedback = q.querySelector<HTMLElement>('.feedback')!;
    feedback.querySelector('.feedback-verdict')!.textContent = correct ? this.texts.right : this.texts.wrong;
    feedback.hidden = false;
    q.classList.toggle('is-right', correct);
    q.classList.toggle('is-wrong', !correct);
  }

  private retry() {
    const ids = this.questions().map((q) => q.dataset.question!);
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    }
    this.progress = { version: savedVersion, order: ids, answers: {} };
    this.applyOrder();
    this.persist();
    for (const q of this.questions()) {
      q.querySelector('form')!.reset();
      q.querySelector<HTMLElement>('.feedback')!.hidden = true;
      q.classList.remove('is-right', 'is-wrong');
    }
    this.updateStatus('');
    this.questions()[0]?.querySelector('input')?.focus();
  }

  private persist() {
    if (!this.canSave) return;
    this.progress.order = this.questions().map((q) => q.dataset.question!);
    if (!save(this.key, this.progress)) this.updateStatus(this.texts.noStorage);
  }

  /** Announces `message` followed by the running score; shows the summary once all are answered. */
  private updateStatus(message: string) {
    const ids = this.questions().map((q) => q.dataset.question!);
    const answered = ids.filter((id) => this.progress.answers[id]);
    const values = {
      answered: answered.length,
      total: ids.length,
      right: answered.filter((id) => this.progress.answers[id]!.correct).length,
    };
    this.$('.quiz-status')!.textContent = `${message} ${fill(this.texts.status, values)}`.trim();
    const done = answered.length === ids.length;
    this.$('.quiz-summary')!.hidden = !done;
    if (done) this.$('.quiz-summary-text')!.textContent = fill(this.texts.summary, values);
  }
}

customElements.define('case-quiz', CaseQuiz);
