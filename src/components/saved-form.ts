/**
 * An island around a form whose state is kept in this browser, printed, downloaded as a file and
 * replaced by an opened file (the self-assessment and the feedback talk). Saved data that cannot
 * be read, and what an opened file replaces, are kept aside, never lost.
 */
import { keepAside, load, save } from './browser-storage';
import { Island } from './island';
import { downloadJson, readJson } from './json-file';
import { limits } from '../lib/saved-state';

export interface SavedFormConfig {
  storageKey: string;
  texts: Record<'keptAside' | 'noStorage' | 'loaded' | 'fileName', string>;
}

/** Parts: `form`, `print`, `download`, `message`. */
export abstract class SavedForm<Config extends SavedFormConfig, State> extends Island<Config> {
  protected form!: HTMLFormElement;
  private canSave = true;
  /** The state in saved data or a file, or the message saying why there is none. */
  private read!: (raw: unknown) => State | string;

  /** The state the form shows. */
  protected abstract state(): State;
  /** Shows `value` in the form. */
  protected abstract fill(value: State): void;
  /** Brings what depends on the form (scores, comparisons) up to date. */
  protected abstract render(): void;

  /**
   * Sets up the form, reading saved data and opened files with `read`; shows the saved state,
   * or `initial` when there is none.
   */
  protected restore(read: (raw: unknown) => State | string, initial?: State) {
    const { storageKey, texts } = this.config;
    this.read = read;
    this.form = this.target('form', HTMLFormElement);
    const loaded = load(storageKey, (raw) => {
      const value = read(raw);
      return typeof value === 'string' ? undefined : value;
    });
    this.canSave = loaded.available;
    const value = loaded.value ?? initial;
    if (value) this.fill(value);
    this.say(loaded.keptAside ? texts.keptAside : loaded.available ? '' : texts.noStorage);
    // The form has no submit button and more than one text field, so Enter submits nothing.
    this.on(this.form, 'input', () => this.changed());
    this.on(this.target('print'), 'click', () => window.print());
    this.on(this.target('download'), 'click', () => downloadJson(texts.fileName, this.state()));
    this.render();
  }

  protected changed() {
    if (this.canSave && !save(this.config.storageKey, this.state())) {
      this.canSave = false;
      this.say(this.config.texts.noStorage);
    }
    this.render();
  }

  protected say(message: string) {
    this.target('message').textContent = message;
  }

  /** Opens `file` in the form, keeping what it held aside; or says why not, changing nothing. */
  protected async open(file: File | undefined) {
    if (!file) return;
    const value = this.read(await readJson(file, limits.fileBytes));
    if (typeof value === 'string') return this.say(value);
    keepAside(this.config.storageKey, JSON.stringify(this.state()));
    this.fill(value);
    this.changed();
    this.say(this.config.texts.loaded);
  }
}
