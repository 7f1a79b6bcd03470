/**
 * Enhances <self-assessment>: scores the answers live with the rubric model and says why the
 * chain stopped, saves them in localStorage (nothing leaves the browser), restores them, and
 * prints, downloads and opens them (saved-form.ts). Unreadable saved data or files are kept aside,
 * never lost. Each answer shows as a sentence that says what it means without its question (on
 * paper "No" is good at one level and bad at another).
 */
import { restoreSelfAssessment } from '../../lib/course';
import { levelFieldName } from '../../lib/form-fields';
import { allowedAnswers, explainScore, scoreRubric, type LevelAnswer, type LevelRule, type ReasonTemplates } from '../../lib/rubric-model';
import { savedVersion, type SelfAssessment } from '../../lib/saved-state';
import { readSelfAssessment } from '../../lib/saved-assessment';
import { fill, sentences } from '../../lib/template';
import { SavedForm, type SavedFormConfig } from '../saved-form';
import type { CourseProgressConfig } from '../course-progress/course-progress';
import type { selfAssessment } from './contract';
import { writtenByMark, type MarkText } from '../written-by-mark';

/** What SelfAssessment.astro writes into data-config. */
export interface SelfAssessmentConfig {
  storageKey: string;
  rubric: string;
  rules: LevelRule[];
  statements: Record<string, string>;
  /** The mark of statements the site filled in from another source, by level. */
  statementMarks: Record<string, MarkText>;
  levelNames: Record<string, string>;
  listSeparator: string;
  texts: SavedFormConfig['texts'] &
    Record<'notAnswered' | 'badFile' | 'dropped' | 'levelsGone', string> & {
    answered: Record<LevelAnswer, string>;
  };
  saved: SavedFormConfig['saved'];
  reasons: ReasonTemplates;
  /** The path's steps and where the browser keeps them: this last step says when every one is done. */
  progress: CourseProgressConfig;
}

class SelfAssessmentElement extends SavedForm<SelfAssessmentConfig, SelfAssessment, typeof selfAssessment> {
  protected connect() {
    const { rules, texts, levelNames, listSeparator } = this.config;
    const levels = rules.map((rule) => ({ level: rule.level, answers: allowedAnswers(rule) }));
    this.restore(
      (raw) => this.readChecked(raw) ?? texts.badFile,
      undefined,
      (saved) => {
        const { value, changes } = restoreSelfAssessment(levels, saved);
        // Levels the rubric no longer has: their answers and notes leave the form too, and are said.
        const has = (level: string | number) => String(level) in levelNames;
        const gone = [...new Set([...Object.keys(saved.answers), ...Object.keys(saved.notes)])].filter((level) => !has(level)).sort();
        const notes = Object.fromEntries(Object.entries(value.notes).filter(([level]) => has(level)));
        const dropped = changes.dropped.filter(({ level }) => has(level)).map(({ level }) => levelNames[level]!);
        const said = [
          dropped.length ? fill(texts.dropped, { levels: dropped.join(listSeparator) }) : '',
          gone.length ? fill(texts.levelsGone, { levels: gone.join(listSeparator) }) : '',
        ];
        return [{ ...value, notes }, sentences(...said)];
      },
    );
  }

  who({ name, period }: SelfAssessment) {
    return [name, period].filter(Boolean);
  }

  /** Saved data of this rubric; otherwise undefined. Answers a level no longer allows are dropped when it is shown. */
  private readChecked(raw: unknown): SelfAssessment | undefined {
    const value = readSelfAssessment(raw);
    return value && value.rubric === this.config.rubric ? value : undefined;
  }

  state(): SelfAssessment {
    const data = new FormData(this.form);
    const answers: Record<string, LevelAnswer> = {};
    const notes: Record<string, string> = {};
    for (const { level } of this.config.rules) {
      const answer = data.get(levelFieldName('answer', level));
      if (answer) answers[level] = answer as LevelAnswer;
      const note = String(data.get(levelFieldName('note', level)) ?? '');
      if (note) notes[level] = note;
    }
    return {
      version: savedVersion,
      rubric: this.config.rubric,
      answers,
      notes,
      name: String(data.get('name') ?? ''),
      period: String(data.get('period') ?? ''),
    };
  }

  fill(value: SelfAssessment) {
    const field = (name: string) => this.form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null;
    field('name')!.value = value.name;
    field('period')!.value = value.period;
    for (const { level } of this.config.rules) {
      for (const radio of this.form.querySelectorAll<HTMLInputElement>(`input[name="${levelFieldName('answer', level)}"]`)) {
        radio.checked = radio.value === value.answers[level];
      }
      field(levelFieldName('note', level))!.value = value.notes[level] ?? '';
    }
  }

  render() {
    const { rules, statements, levelNames, texts, reasons } = this.config;
    const state = this.state();
    const result = scoreRubric(rules, state.answers);
    const explained = explainScore(result, reasons, (level) => statements[level] ?? '');
    this.target('who').textContent = this.who(state).join(' · ');
    this.target('summary').textContent = explained.summary;
    this.target('next').textContent = explained.next ?? '';
    this.target('levels').replaceChildren(
      // The explanation's lines are the result's levels, in its order.
      ...result.levels.map(({ level }, i) => {
        const item = document.createElement('li');
        const heading = document.createElement('strong');
        heading.textContent = `${levelNames[level]} · ${statements[level]}`;
        const mark = this.config.statementMarks[level];
        if (mark) heading.append(' ', writtenByMark(mark));
        const answer = state.answers[level];
        const lines = [
          answer ? texts.answered[answer] : texts.notAnswered,
          explained.levels[i] ?? '',
          state.notes[level] ?? '',
        ];
        item.append(heading, ...lines.filter(Boolean).map((line) => Object.assign(document.createElement('p'), { textContent: line })));
        return item;
      }),
    );
    // The path's last step: once its levels are all answered, whether the whole path is done (worked out then, not loaded with the page).
    const finished = this.target('finished');
    if (rules.some(({ level }) => !state.answers[level])) finished.hidden = true;
    else void import('../course-progress/path-done').then(({ pathDone }) => (finished.hidden = !pathDone(this.config.progress)));
  }
}

customElements.define('self-assessment', SelfAssessmentElement);
