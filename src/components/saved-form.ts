/**
 * An island around a form whose state is kept in this browser, printed, downloaded as a file and
 * replaced by an opened file (the self-assessment and the feedback talk). Saved data that cannot
 * be read, and what an opened file replaces, are kept aside, never lost (the review page lists
 * another person's review beside the others instead: putAway); a file is not opened over work
 * that cannot be put away. A refused save is said until saving works again; two tabs
 * editing the same form merge field by field. A full field says so as it fills.
 * What only a click needs (files, the copies kept aside, deleting) loads on that click, from
 * saved-form-actions.ts, so the pages do not carry it until it is used.
 */
import type { Dictionary } from '../lib/i18n/dictionary';
import { sentences, fill } from '../lib/template';
import { keepAside, load, otherTabSaved, save } from './browser-storage';
import type { Contract } from './island-contract';
import { Island } from './island';
import type { SavedFormContract } from './saved-form-contract';

export interface SavedFormConfig {
  storageKey: string;
  texts: Record<'keptAside' | 'notKeptAside' | 'noStorage' | 'loaded' | 'previousKeptAside' | 'notOpened' | 'fileName', string>;
  saved: Dictionary['savedInBrowser'];
}

/** What runs a button of the form, or takes in another tab's save, from saved-form-actions.ts. */
type Action = 'open' | 'download' | 'forget' | 'listKept' | 'merge';

/**
 * A saved form of contract `C`, whose parts are its own and SavedForm's (savedFormParts, which
 * its contract spreads); the delete button's <dialog> has a button with the value `delete`.
 */
export abstract class SavedForm<Config extends SavedFormConfig, State, C extends Contract> extends Island<Config, C | SavedFormContract> {
  // The fields below are public for saved-form-actions.ts, which acts on the form on a click.
  form!: HTMLFormElement;
  /** The state in saved data or a file, or the message saying why there is none. */
  read!: (raw: unknown) => State | string;
  /** The form's state with nothing entered: what an opened file may replace without keeping it aside. */
  blank = '';
  /** What this tab last saved or took from another tab, as stored. */
  lastSeen = '';
  /** Brings saved data or a file up to the current rubric, with what to say about it. */
  adjust!: (value: State) => [State, string];
  /** Why a save was refused: saved data that could be neither read nor kept aside, or the browser. */
  refused = '';

  /** The state the form shows. */
  abstract state(): State;
  /** Shows `value` in the form. */
  abstract fill(value: State): void;
  /** Brings what depends on the form (scores, comparisons) up to date. */
  abstract render(): void;
  /** Whose work `value` is, and of which period, as the files and lists name it. */
  abstract who(value: State): string[];

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
    this.on(this.form, 'input', (event) => void this.changed(event.target));
    this.on(window, 'storage', otherTabSaved(storageKey, (text) => void this.act('merge', text)));
    this.on(this.target('print'), 'click', () => window.print());
    const picker = this.target('file', HTMLInputElement);
    this.on(picker, 'change', () => {
      void this.act('open', picker.files?.[0]);
      picker.value = '';
    });
    for (const [part, action] of [['download', 'download'], ['delete', 'forget']] as const) this.on(this.target(part), 'click', () => void this.act(action));
    // The copies kept aside are listed when the list is opened, as they are then.
    const kept = this.target('kept', HTMLDetailsElement);
    this.on(kept, 'toggle', () => kept.open && void this.act('listKept'));
    this.render();
  }

  /** Runs `action` of saved-form-actions.ts on this form, with `arg`. */
  protected async act(action: Action, arg?: unknown) {
    const actions = await import('./saved-form-actions');
    // Each action takes a form of any contract (saved-form-actions.ts Form), which this one is.
    await (actions[action] as (form: unknown, arg: unknown) => unknown)(this, arg);
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
  store(): boolean {
    const state = this.state();
    const stored = save(this.config.storageKey, state);
    if (stored) this.lastSeen = JSON.stringify(state);
    return stored;
  }

  /**
   * Saves after the field `edited` changed. Another tab may have saved since: its work is taken
   * into the form first, and only this field is laid over it.
   */
  protected async changed(edited?: EventTarget | null) {
    const { texts } = this.config;
    const stored = this.load().value;
    if (stored !== undefined && JSON.stringify(stored) !== this.lastSeen) (await import('./saved-form-actions')).keepingField(edited, () => this.fill(stored));
    const message = this.target('message');
    if (!this.store()) this.say(this.refused);
    // Saving works again: what said it did not goes, also from a longer message (a file opened meanwhile).
    else for (const refused of [texts.noStorage, texts.notKeptAside]) this.say(message.textContent!.replace(refused, '').trim());
    this.sayLimit(edited as HTMLInputElement);
    this.render();
  }

  /**
   * Says beside `field` whether it is full: the browser cuts typing and pasting at its limit
   * without a word. Only fields with a limit have a `limit` part beside them.
   */
  private sayLimit(field: HTMLInputElement | HTMLTextAreaElement) {
    const said = this.targets('limit', field.parentElement!)[0];
    if (said) said.textContent = field.value.length < field.maxLength ? '' : fill(this.config.saved.atLimit, { limit: field.maxLength.toLocaleString(document.documentElement.lang) });
  }

  say(message: string) {
    this.target('message').textContent = message;
  }

  /**
   * Puts what the form holds (`text`) out of the way of `incoming` taking its place, with what to
   * say; false when it cannot be. Without it, it is kept aside (saved-form-actions.ts); the review
   * page lists another person's review beside the others.
   */
  putAway?(text: string, incoming: State): Promise<[boolean, string]>;
}
