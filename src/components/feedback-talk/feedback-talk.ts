/**
 * Enhances <feedback-talk>: opens a self-assessment or feedback talk file (picker or drop),
 * scores the employee's, the manager's and the agreed answers with the rubric model, and marks
 * the levels where the two sides differ with the question to settle. Keeping the work in this
 * browser, printing, downloading and replacing it by a file are SavedForm's. A file it cannot
 * open changes nothing, with a message saying why. Text from files is only ever set as text.
 */
import type { Dictionary } from '../../lib/i18n/dictionary';
import { differences, emptyTalk, openTalkFile, talkFrom } from '../../lib/feedback-talk';
import { readFieldName } from '../../lib/form-fields';
import { explainScore, scoreRubric, type LevelRule, type ReasonTemplates } from '../../lib/rubric-model';
import type { FeedbackTalk } from '../../lib/saved-state';
import { fill } from '../../lib/template';
import { SavedForm } from '../saved-form';

/** What FeedbackTalk.astro writes into data-config. */
export interface FeedbackTalkConfig {
  storageKey: string;
  rubric: string;
  levelNames: Record<string, string>;
  listSeparator: string;
  rules: LevelRule[];
  statements: Record<string, string>;
  texts: Dictionary['feedbackTalk']['script'];
  reasons: ReasonTemplates;
}

/**
 * Where the form field `name` (lib/form-fields.ts) keeps its value in `talk`: a level's answer and
 * note in the manager's part, its agreed answer in the agreed one, the name and period in the
 * manager's part, the next step in the agreed one.
 */
function slot({ manager, agreed }: FeedbackTalk, name: string): [Record<string, string>, string] | undefined {
  const read = readFieldName(name);
  if (!read) return undefined;
  const records = { answer: manager.answers, note: manager.notes, agreed: agreed.answers, name: manager, period: manager, nextStep: agreed };
  return [records[read.field] as unknown as Record<string, string>, read.level === undefined ? read.field : String(read.level)];
}

/** The sides of the sheet, in the order its columns show them. */
const sides = ['self', 'manager', 'agreed'] as const;

/** Replaces the children of `element` with a paragraph per non-empty line, set as text. */
const put = (element: HTMLElement, lines: string[]) =>
  element.replaceChildren(...lines.filter(Boolean).map((textContent) => Object.assign(document.createElement('p'), { textContent })));

class FeedbackTalkElement extends SavedForm<FeedbackTalkConfig, FeedbackTalk> {
  private self!: FeedbackTalk['self'];

  protected connect() {
    const { rubric, rules, texts, levelNames, listSeparator } = this.config;
    // Reading keeps the file whole; showing it leaves out what the rubric does not allow, and says so.
    this.restore(
      (raw) => {
        const opened = openTalkFile(raw, rubric);
        return opened.ok ? opened.talk : texts.problems[opened.problem];
      },
      emptyTalk(rubric),
      (talk) => {
        const opened = openTalkFile(talk, rubric, rules);
        if (!opened.ok) return [talk, ''];
        const levels = opened.dropped.map((level) => levelNames[level] ?? String(level));
        return [opened.talk, levels.length ? fill(texts.dropped, { levels: levels.join(listSeparator) }) : ''];
      },
    );
    const picker = this.target('file') as HTMLInputElement;
    this.on(picker, 'change', () => {
      void this.open(picker.files?.[0]);
      picker.value = '';
    });
    // A file can be dropped anywhere on the talk.
    this.on(this, 'dragover', (event) => event.preventDefault());
    this.on(this, 'drop', (event) => {
      event.preventDefault();
      void this.open(event.dataTransfer?.files[0]);
    });
  }

  /** The talk as the page holds it: the opened self-assessment, and the form's fields. */
  protected state(): FeedbackTalk {
    const talk = talkFrom(this.self);
    for (const [name, value] of new FormData(this.form) as unknown as Iterable<[string, string]>) {
      const found = slot(talk, name);
      if (found && value) found[0][found[1]] = value;
    }
    return talk;
  }

  protected fill(talk: FeedbackTalk) {
    this.self = talk.self;
    for (const field of this.form.elements as Iterable<HTMLInputElement>) {
      // Only named fields hold a value (the fieldsets have no name).
      const found = field.name ? slot(talk, field.name) : undefined;
      if (!found) continue;
      const [record, key] = found;
      if (field.type === 'radio') field.checked = record[key] === field.value;
      else field.value = record[key] ?? '';
    }
  }

  protected render() {
    const { rules, statements, texts, reasons } = this.config;
    const { self, manager, agreed } = this.state();
    const found = differences(rules, self.answers, manager.answers);
    /** The part `name` of one level (its `data-level`). */
    const ofLevel = (name: string, level: number) => this.targets(name).find((el) => el.dataset.level === String(level))!;
    this.target('employee').textContent = self.name;
    this.target('next').textContent = agreed.nextStep;
    put(this.target('questions'), found.map((d) => fill(texts.settle[d.question], { level: d.level })));
    [self, manager, agreed].forEach(({ answers }, n) => {
      const side = sides[n]!;
      const result = scoreRubric(rules, answers);
      const explained = explainScore(result, reasons, (level) => statements[level] ?? '');
      const answered = Object.keys(answers).length > 0;
      const notes = n ? (n < 2 ? manager.notes : {}) : self.notes;
      this.target(`summary-${side}`).textContent = answered ? explained.summary : '';
      // Each side's pass-through chain: why each level counts or not, the answer where the chain
      // stopped below it (it still matters to the talk), and the case as written.
      rules.forEach(({ level }, i) => {
        const blocked = result.levels[i]!.reason === 'blocked' && answers[level];
        const lines = answered ? [explained.levels[i]!, blocked ? texts.answers[blocked] : '', notes[level] ?? ''] : [];
        put(ofLevel(`side-${side}`, level), lines);
        // The level's own section shows the employee's side as the sheet does.
        if (side === 'self') put(ofLevel('self', level), answered ? lines : [texts.notAnswered]);
      });
    });
    for (const { level } of rules) ofLevel('row', level).classList.toggle('differs', found.some((d) => d.level === level));
  }

}

customElements.define('feedback-talk', FeedbackTalkElement);
