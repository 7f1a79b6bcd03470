/**
 * Enhances <feedback-talk>: opens a self-assessment or feedback talk file (picker or drop),
 * scores the employee's, the manager's and the agreed answers with the rubric model, and marks
 * the levels where the two sides differ with the question to settle. Keeping the work in this
 * browser, printing, downloading and opening a file are SavedForm's; what the review held is
 * then listed beside the other reviews (review-list.ts), never replaced. A file it cannot open
 * changes nothing, with a message saying why. Text from files is only ever set as text. A note
 * longer than the one-page sheet holds (limits.sheetNote) is cut there with a word saying so,
 * and printed whole after the signatures.
 */
import type { Dictionary } from '../../lib/i18n/dictionary';
import { differences, emptyTalk, openTalkFile, talkFrom, talkSides } from '../../lib/feedback-talk';
import { readFieldName } from '../../lib/form-fields';
import { explainScore, scoreRubric, type LevelAnswer, type LevelRule, type ReasonTemplates } from '../../lib/rubric-model';
import { limits, type FeedbackTalk } from '../../lib/saved-state';
import { fill, sentences } from '../../lib/template';
import type { PartOf } from '../island-contract';
import { SavedForm, type SavedFormConfig } from '../saved-form';
import type { feedbackTalk } from './contract';

/** What FeedbackTalk.astro writes into data-config. */
export interface FeedbackTalkConfig {
  storageKey: string;
  rubric: string;
  levelNames: Record<string, string>;
  listSeparator: string;
  rules: LevelRule[];
  statements: Record<string, string>;
  texts: Dictionary['feedbackTalk']['script'];
  saved: SavedFormConfig['saved'];
  /** The column headings of the sheet, by side, for the notes printed whole. */
  sides: Record<(typeof talkSides)[number], string>;
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

/** Replaces the children of `element` with a paragraph per non-empty line, set as text. */
const put = (element: HTMLElement, lines: string[]) =>
  element.replaceChildren(...lines.filter(Boolean).map((textContent) => Object.assign(document.createElement('p'), { textContent })));

export class FeedbackTalkElement extends SavedForm<FeedbackTalkConfig, FeedbackTalk, typeof feedbackTalk> {
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
    // A file can be dropped anywhere on the talk.
    this.on(this, 'dragover', (event) => event.preventDefault());
    this.on(this, 'drop', (event) => {
      event.preventDefault();
      void this.act('open', event.dataTransfer?.files[0]);
    });
  }

  /** The employee and the period: the self-assessment's, unless the manager gave another. */
  who({ self, manager }: FeedbackTalk) {
    return [self.name, manager.period || self.period].filter(Boolean);
  }

  /** The open review goes to the list of reviews, unless `incoming` is the same one again (review-list.ts). */
  async putAway(text: string, incoming: FeedbackTalk): Promise<[boolean, string]> {
    return (await import('./review-list')).putAway(this, text, incoming);
  }

  /** The talk as the page holds it: the opened self-assessment, and the form's fields. */
  state(): FeedbackTalk {
    const talk = talkFrom(this.self);
    for (const [name, value] of new FormData(this.form) as unknown as Iterable<[string, string]>) {
      const found = slot(talk, name);
      if (found && value) found[0][found[1]] = value;
    }
    return talk;
  }

  fill(talk: FeedbackTalk) {
    this.self = talk.self;
    for (const field of this.form.elements as Iterable<HTMLInputElement>) {
      // Only named fields hold a value (the fieldsets have no name).
      const found = field.name ? slot(talk, field.name) : undefined;
      if (!found) continue;
      const [record, key] = found;
      if (field.type === 'radio') field.checked = (record[key] ?? '') === field.value;
      else field.value = record[key] ?? '';
    }
  }

  render() {
    const { rules, statements, texts, reasons, levelNames } = this.config;
    const talk = this.state();
    const { self, manager, agreed } = talk;
    const found = differences(rules, self.answers, manager.answers);
    /** The part `name` of one level (its `data-level`, the level's number as FeedbackTalk.astro writes it). */
    const ofLevel = (name: PartOf<typeof feedbackTalk>, level: number) => this.targets(name).find((el) => this.data(el, 'level') === String(level))!;
    /** Notes the sheet cannot hold whole: where they are, as the notes in full name them. */
    const continued: string[] = [];
    this.target('employee').textContent = self.name;
    void import('./review-list').then((list) => list.showList(this, talk));
    this.target('next').textContent = agreed.nextStep;
    put(this.target('questions'), found.map((d) => fill(texts.settle[d.question], { level: d.level })));
    /** Each side's answers and notes (the agreed outcome has none). */
    const bySide = { self: [self.answers, self.notes], manager: [manager.answers, manager.notes], agreed: [agreed.answers, {}] } as const;
    for (const side of talkSides) {
      const [answers, notes]: readonly [Record<string, LevelAnswer>, Record<string, string>] = bySide[side];
      const result = scoreRubric(rules, answers);
      const explained = explainScore(result, reasons, (level) => statements[level] ?? '');
      const answered = Object.keys(answers).length > 0;
      this.target(`summary-${side}`).textContent = answered ? explained.summary : '';
      // Each side's pass-through chain: why each level counts or not, the answer where the chain
      // stopped below it (it still matters to the talk), and the case as written. The
      // explanation's lines are the result's levels, in its order.
      result.levels.forEach(({ level, reason }, i) => {
        const blocked = reason === 'blocked' && answers[level];
        const note = notes[level] ?? '';
        const long = note.length > limits.sheetNote;
        if (long && answered) continued.push(`${levelNames[level]} · ${this.config.sides[side]}`, note);
        // Why the level counts or not, then the case: two paragraphs, as the printed sheet lays them out.
        const why = sentences(explained.levels[i]!, blocked ? texts.answers[blocked] : '');
        put(ofLevel(`side-${side}`, level), answered ? [why, long ? `${note.slice(0, limits.sheetNote)}… (${texts.continues})` : note] : []);
        // The level's own section shows the employee's side as the sheet does, its case whole.
        if (side === 'self') put(ofLevel('self', level), answered ? [why, note] : [texts.notAnswered]);
      });
    }
    const rest = this.target('continued');
    rest.hidden = !continued.length;
    put(this.target('continued-notes'), continued);
    for (const { level } of rules) ofLevel('row', level).classList.toggle('differs', found.some((d) => d.level === level));
  }

}

customElements.define('feedback-talk', FeedbackTalkElement);
