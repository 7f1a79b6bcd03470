/**
 * Enhances <scoring-practice>: deals a new scenario with the practice generator
 * (src/lib/practice.ts, the rubric model inside), announces it, and once the learner scores it,
 * explains the chain with the same rubric model and marks where their score parts from the rule.
 * Nothing is saved or reported: practice is not graded.
 */
import type { QuizField } from '../../lib/form-fields';
import type { Dictionary } from '../../lib/i18n/dictionary';
import { dealPractice, type Practice } from '../../lib/practice';
import type { QuizCase } from '../../lib/quiz';
import { scoreParts } from '../../lib/score-parts';
import { explainScore, type LevelRule, type ReasonTemplates } from '../../lib/rubric-model';
import { fill } from '../../lib/template';
import { Island } from '../island';
import type { scoringPractice } from './contract';

export interface ScoringPracticeConfig {
  rules: LevelRule[];
  statements: Record<string, string>;
  reasons: ReasonTemplates;
  /** The rubric's cases from the sources. */
  cases: QuizCase[];
  texts: Dictionary['quiz']['practice'] & Pick<Dictionary['quiz']['script'], 'right' | 'wrong' | 'chooseEach' | 'partsHere'>;
}

class ScoringPractice extends Island<ScoringPracticeConfig, typeof scoringPractice> {
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
    this.dealt = dealPractice(cases, rules, Math.random, this.dealt?.key);
    const templates = [...this.target('cases', HTMLTemplateElement).content.children];
    this.target('record').replaceChildren(
      ...this.dealt.record.map((item) => {
        const li = templates.find((c) => this.data(c, 'case') === item.caseId)!.cloneNode(true) as HTMLElement;
        if (!item.mitigated) this.targets('mitigated', li)[0]?.remove();
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

  /** A checked record's choices and button are disabled until the next deal. */
  private setFinal(final: boolean) {
    for (const e of this.target('form', HTMLFormElement).elements) (e as HTMLFieldSetElement).disabled = final;
  }

  private check() {
    const { texts, reasons, statements } = this.config;
    const chosen = [...this.target('form', HTMLFormElement).elements].find((e): e is HTMLInputElement => e instanceof HTMLInputElement && e.name === ('score' satisfies QuizField) && e.checked);
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
