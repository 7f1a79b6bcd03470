/**
 * Enhances <scoring-practice>: deals a new scenario with the practice generator
 * (src/lib/practice.ts, the rubric model inside), announces it, and once the learner scores it,
 * explains the chain with the same rubric model and marks where their score parts from the rule.
 * Nothing is saved or reported: practice is not graded.
 */
import type { Dictionary } from '../../lib/i18n/dictionary';
import { dealPractice, type Practice } from '../../lib/practice';
import type { QuizCase } from '../../lib/quiz';
import { scoreParts } from '../../lib/quiz-feedback';
import { seededRandom } from '../../lib/random';
import { explainScore, type LevelRule, type ReasonTemplates } from '../../lib/rubric-model';
import { fill } from '../../lib/template';
import { Island } from '../island';

export interface ScoringPracticeConfig {
  rules: LevelRule[];
  statements: Record<string, string>;
  reasons: ReasonTemplates;
  /** The rubric's cases from the sources. */
  cases: QuizCase[];
  texts: Dictionary['quiz']['practice'] & Pick<Dictionary['quiz']['script'], 'right' | 'wrong' | 'chooseEach' | 'partsHere'>;
}

class ScoringPractice extends Island<ScoringPracticeConfig> {
  private random = seededRandom(crypto.getRandomValues(new Uint32Array(1))[0]!);
  private dealt: Practice | undefined;
  private count = 0;

  protected connect() {
    this.on(this.target('deal'), 'click', () => this.deal());
    this.on(this.target('form'), 'submit', (event) => {
      event.preventDefault();
      this.check();
    });
  }

  private deal() {
    const { cases, rules, texts } = this.config;
    this.dealt = dealPractice(cases, rules, this.random, this.dealt?.key);
    const template = this.target('cases') as HTMLTemplateElement;
    this.target('record').replaceChildren(
      ...this.dealt.record.map((item) => {
        const li = template.content.querySelector(`[data-case="${item.caseId}"]`)!.cloneNode(true) as HTMLElement;
        if (!item.mitigated) li.querySelector('.mitigated')?.remove();
        return li;
      }),
    );
    const form = this.target('form', HTMLFormElement);
    form.reset();
    form.hidden = false;
    this.setFinal(false);
    this.target('feedback').hidden = true;
    this.target('status').textContent = fill(texts.dealt, { number: ++this.count, count: this.dealt.record.length });
    form.querySelector('input')!.focus();
  }

  private setFinal(final: boolean) {
    const form = this.target('form', HTMLFormElement);
    form.querySelector('fieldset')!.disabled = final;
    form.querySelector<HTMLButtonElement>('button')!.disabled = final;
  }

  private check() {
    const { texts, reasons, statements } = this.config;
    const chosen = this.querySelector<HTMLInputElement>('input[name="score"]:checked');
    if (!this.dealt || !chosen) {
      this.target('status').textContent = texts.chooseEach;
      return;
    }
    const { result } = this.dealt;
    const right = Number(chosen.value) === result.score;
    const explained = explainScore(result, reasons, (level) => statements[level] ?? '');
    const parts = right ? undefined : scoreParts(result.levels.map((l) => l.points), Number(chosen.value));
    this.target('verdict').textContent = right ? texts.right : texts.wrong;
    this.target('summary').textContent = explained.summary;
    this.target('reasons').replaceChildren(
      ...explained.levels.map((line, i) => {
        const li = document.createElement('li');
        li.textContent = line;
        if (i + 1 === parts) {
          li.className = 'parts-here';
          li.prepend(Object.assign(document.createElement('strong'), { textContent: `${texts.partsHere} ` }));
        }
        return li;
      }),
    );
    this.target('feedback').hidden = false;
    this.setFinal(true);
    this.target('status').textContent = right ? texts.right : texts.wrong;
  }
}

customElements.define('scoring-practice', ScoringPractice);
