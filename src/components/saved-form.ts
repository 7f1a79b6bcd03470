/**
 * An island around a form whose state is kept in this browser, printed, downloaded as a file and
 * replaced by an opened file (the self-assessment and the feedback talk). Saved data that cannot
 * be read, and what an opened file replaces, are kept aside, never lost; a file is not opened
 * over work that cannot be kept aside. A refused save is said until saving works again; two tabs
 * editing the same form merge field by field.
 */
import { sentences } from '../lib/template';
import { keepAside, load, otherTabSaved, save } from './browser-storage';
import { Island } from './island';
import { downloadJson, readJson } from './json-file';
import { limits } from '../lib/saved-state';

export interface SavedFormConfig {
  storageKey: string;
  texts: Record<'keptAside' | 'notKeptAside' | 'noStorage' | 'loaded' | 'previousKeptAside' | 'notOpened' | 'fileName', string>;
}

/** Parts: `form`, `print`, `download`, `message`. */
export abstract class SavedForm<Config extends SavedFormConfig, State> extends Island<Config> {
  protected form!: HTMLFormElement;
  /** The state in saved data or a file, or the message saying why there is none. */
  private read!: (raw: unknown) => State | string;
  /** The form's state with nothing entered: what an opened file may replace without keeping it aside. */
  private blank = '';
  /** What this tab last saved or took from another tab, as stored. */
  private lastSeen = '';
  /** Brings saved data or a file up to the current rubric, with what to say about it. */
  private adjust!: (value: State) => [State, string];
  /** Why a save was refused: saved data that could be neither read nor kept aside, or the browser. */
  private refused = '';

  /** The state the form shows. */
  protected abstract state(): State;
  /** Shows `value` in the form. */
  protected abstract fill(value: State): void;
  /** Brings what depends on the form (scores, comparisons) up to date. */
  protected abstract render(): void;

  /**
   * Sets up the form, reading saved data and opened files with `read`; shows the saved state,
   * or `initial` when there is none. `adjust` brings saved data up to the current rubric and
   * returns what to say about it (or '').
   */
  protected restore(read: (raw: unknown) => State | string, initial?: State, adjust: (value: State) => [State, string] = (v) => [v, '']) {
    const { storageKey, texts } = this.config;
    this.read = read;
    this.adjust = adjust;
    this.form = this.target('form', HTMLFormElement);
    if (initial) this.fill(initial);
    this.blank = JSON.stringify(this.state());
    const loaded = this.load();
    let said = loaded.keptAside ? texts.keptAside : loaded.leftInPlace || !loaded.available ? this.refused : '';
    if (loaded.value) {
      const [value, change] = adjust(loaded.value);
      this.fill(value);
      if (change) {
        // What the rubric no longer allows leaves the form, not the browser.
        keepAside(storageKey, JSON.stringify(loaded.value));
        said = sentences(change, this.store() ? '' : this.refused);
      } else this.lastSeen = JSON.stringify(this.state());
    }
    this.say(said);
    // The form has no submit button and more than one text field, so Enter submits nothing.
    this.on(this.form, 'input', (event) => this.changed(event.target));
    this.on(window, 'storage', otherTabSaved(storageKey, (text) => this.tookFromOtherTab(text)));
    this.on(this.target('print'), 'click', () => window.print());
    this.on(this.target('download'), 'click', () => downloadJson(texts.fileName, this.state()));
    this.render();
  }

  /** Reads the saved data (keeping it aside when it cannot be read), and learns why saving would fail. */
  private load() {
    const { storageKey, texts } = this.config;
    const loaded = load(storageKey, (raw) => {
      const value = this.read(raw);
      return typeof value === 'string' ? undefined : value;
    });
    this.refused = loaded.leftInPlace && loaded.available ? texts.notKeptAside : texts.noStorage;
    return loaded;
  }

  /** Saves the form's state; false when nothing took it. */
  private store(): boolean {
    const state = this.state();
    const stored = save(this.config.storageKey, state);
    if (stored) this.lastSeen = JSON.stringify(state);
    return stored;
  }

  /**
   * Saves after the field `edited` changed. Another tab may have saved since: its work is taken
   * into the form first, and only this field is laid over it.
   */
  protected changed(edited?: EventTarget | null) {
    const { texts } = this.config;
    const stored = this.load().value;
    if (stored !== undefined && JSON.stringify(stored) !== this.lastSeen) this.keepingField(edited, () => this.fill(stored));
    const message = this.target('message');
    if (!this.store()) this.say(this.refused);
    // Saving works again: what said it did not goes, also from a longer message (a file opened meanwhile).
    else for (const refused of [texts.noStorage, texts.notKeptAside]) this.say(message.textContent!.replace(refused, '').trim());
    this.render();
  }

  /** Runs `change`, then puts back the value `field` had (the one being edited). */
  private keepingField(field: EventTarget | null | undefined, change: () => void) {
    const input = field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement ? field : undefined;
    const radio = input instanceof HTMLInputElement && input.type === 'radio';
    const value = radio ? (input as HTMLInputElement).checked : input?.value;
    change();
    if (input && radio) (input as HTMLInputElement).checked = value as boolean;
    else if (input) input.value = value as string;
  }

  private tookFromOtherTab(text: string | null) {
    if (text === null || text === this.lastSeen) return;
    let value: State | string;
    try {
      value = this.read(JSON.parse(text));
    } catch {
      return;
    }
    if (typeof value === 'string') return;
    this.keepingField(document.activeElement, () => this.fill(value));
    this.lastSeen = text;
    this.render();
  }

  protected say(message: string) {
    this.target('message').textContent = message;
  }

  /** Opens `file` in the form, keeping what it held aside; or says why not, changing nothing. */
  protected async open(file: File | undefined) {
    if (!file) return;
    const { storageKey, texts } = this.config;
    const value = this.read(await readJson(file, limits.fileBytes));
    if (typeof value === 'string') return this.say(value);
    const current = JSON.stringify(this.state());
    const hadWork = current !== this.blank;
    const [adjusted, change] = this.adjust(value);
    // What the rubric does not allow leaves the form, not the browser: the file as opened is kept aside.
    if (change && !keepAside(storageKey, JSON.stringify(value))) return this.say(texts.notOpened);
    if (hadWork && !keepAside(storageKey, current)) return this.say(texts.notOpened);
    this.fill(adjusted);
    const stored = this.store();
    this.render();
    this.say(sentences(texts.loaded, hadWork ? texts.previousKeptAside : '', change, stored ? '' : this.refused));
  }
}
