/**
 * Enhances <feedback-talk>: opens a self-assessment or feedback talk file (picker or drop),
 * scores the employee's, the manager's and the agreed answers with the rubric model, marks the
 * levels where the two sides differ with the question to settle, keeps the work in this browser
 * and downloads the whole talk. A file it cannot open changes nothing; what it replaces, and
 * saved work it cannot read, is kept aside, never lost. Text from files is only ever set as text.
 */
import type { Dictionary } from '../../lib/i18n/dictionary';
import { differences, emptyTalk, openTalkFile, talkFrom } from '../../lib/feedback-talk';
import { explainScore, scoreRubric, type LevelRule, type ReasonTemplates } from '../../lib/rubric-model';
import { limits, type FeedbackTalk } from '../../lib/saved-state';
import { fill } from '../../lib/template';
import { keepAside, load, save } from '../browser-storage';
import { Island } from '../island';
import { downloadJson, readJson } from '../json-file';

/** What FeedbackTalk.astro writes into data-config. */
export interface FeedbackTalkConfig {
  storageKey: string;
  rubric: string;
  rules: LevelRule[];
  statements: Record<string, string>;
  texts: Dictionary['feedbackTalk']['script'];
  reasons: ReasonTemplates;
}

/** Replaces the children of `element` with a paragraph per non-empty line, set as text. */
const put = (element: HTMLElement, lines: string[]) =>
  element.replaceChildren(...lines.filter(Boolean).map((textContent) => Object.assign(document.createElement('p'), { textContent })));

class FeedbackTalkElement extends Island<FeedbackTalkConfig> {
  private form!: HTMLFormElement;
  private self!: FeedbackTalk['self'];
  private canSave = true;

  protected connect() {
    const { storageKey, rubric, rules, texts } = this.config;
    this.form = this.target('form', HTMLFormElement);
    const loaded = load(storageKey, (raw) => {
      const opened = openTalkFile(raw, rubric, rules);
      return opened.ok ? opened.talk : undefined;
    });
    this.canSave = loaded.available;
    this.fill(loaded.value ?? emptyTalk(rubric));
    this.say(loaded.keptAside ? texts.keptAside : loaded.available ? '' : texts.noStorage);
    this.on(this.form, 'input', () => this.changed());
    // No submit listener: the form has no submit button and two text fields, so Enter submits nothing.
    this.on(this.target('print'), 'click', () => window.print());
    this.on(this.target('download'), 'click', () => downloadJson(texts.fileName, this.state()));
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
    this.render();
  }

  /** The talk as the page holds it: the opened self-assessment, and the form's fields. */
  private state(): FeedbackTalk {
    const talk = talkFrom(this.self);
    const { manager, agreed } = talk;
    const fields = { answer: manager.answers, note: manager.notes, agreed: agreed.answers } as Record<string, Record<string, string>>;
    for (const [name, value] of new FormData(this.form) as unknown as Iterable<[string, string]>) {
      const [field = '', level = ''] = name.split('-');
      if (name === 'next-step') agreed.nextStep = value;
      else if (name in manager) manager[name as 'name' | 'period'] = value;
      else if (value && fields[field]) fields[field][level] = value;
    }
    return talk;
  }

  private fill(talk: FeedbackTalk) {
    this.self = talk.self;
    const { manager, agreed } = talk;
    const values: Record<string, string> = { name: manager.name, period: manager.period, 'next-step': agreed.nextStep };
    for (const { level } of this.config.rules) {
      values[`note-${level}`] = manager.notes[level] ?? '';
      values[`agreed-${level}`] = agreed.answers[level] ?? '';
    }
    for (const field of this.form.elements as Iterable<HTMLInputElement>) {
      if (field.type === 'radio') field.checked = manager.answers[field.name.slice('answer-'.length)] === field.value;
      else if (field.name in values) field.value = values[field.name]!;
    }
  }

  private changed() {
    if (this.canSave && !save(this.config.storageKey, this.state())) {
      this.canSave = false;
      this.say(this.config.texts.noStorage);
    }
    this.render();
  }

  private render() {
    const { rules, statements, texts, reasons } = this.config;
    const { self, manager, agreed } = this.state();
    const found = differences(rules, self.answers, manager.answers);
    const part = (name: string, i = 0) => this.targets(name)[i]!;
    part('employee').textContent = self.name;
    part('next').textContent = agreed.nextStep;
    put(part('questions'), found.map((d) => fill(texts.settle[d.question], { level: d.level })));
    [self, manager, agreed].forEach(({ answers }, n) => {
      const result = scoreRubric(rules, answers);
      const explained = explainScore(result, reasons, (level) => statements[level] ?? '');
      const answered = Object.keys(answers).length > 0;
      const notes = n ? (n < 2 ? manager.notes : {}) : self.notes;
      part('summary', n).textContent = answered ? explained.summary : '';
      // Each side's pass-through chain: why each level counts or not, the answer where the chain
      // stopped below it (it still matters to the talk), and the case as written.
      rules.forEach(({ level }, i) => {
        const blocked = result.levels[i]!.reason === 'blocked' && answers[level];
        const lines = answered ? [explained.levels[i]!, blocked ? texts.answers[blocked] : '', notes[level] ?? ''] : [];
        put(part('side', i * 3 + n), lines);
        // The level's own section shows the employee's side as the sheet does.
        if (!n) put(part('self', i), answered ? lines : [texts.notAnswered]);
      });
    });
    rules.forEach(({ level }, i) => part('row', i).classList.toggle('differs', found.some((d) => d.level === level)));
  }

  private say(message: string) {
    this.target('message').textContent = message;
  }

  private async open(file: File | undefined) {
    if (!file) return;
    const { texts, rubric, rules, storageKey } = this.config;
    const opened = openTalkFile(await readJson(file, limits.fileBytes), rubric, rules);
    if (!opened.ok) return this.say(texts.problems[opened.problem]);
    // What the page held is replaced, so keep it first.
    keepAside(storageKey, JSON.stringify(this.state()));
    this.fill(opened.talk);
    this.changed();
    this.say(texts.loaded);
  }
}

customElements.define('feedback-talk', FeedbackTalkElement);
