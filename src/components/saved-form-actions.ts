/**
 * What a saved form (saved-form.ts) does on a click, loaded on that click: open a file, download
 * one named by person and date, list the copies kept aside and restore one, delete from this
 * browser everything the form keeps (the quiz uses `confirmed` and `forgetKey` too); and what it
 * does when another tab saved meanwhile (rare enough to load then).
 */
import { clickSpace } from '../lib/click-keys';
import { limits, storageSpace } from '../lib/saved-state';
import { fill, sentences } from '../lib/template';
import { keepAside } from './browser-storage';
import type { Contract } from './island-contract';
import { downloadJson, readJson } from './json-file';
import type { SavedForm, SavedFormConfig } from './saved-form';
import type { SavedFormPart } from './saved-form-contract';

/**
 * A saved form holding state of any kind, of any contract: these actions only pass the state
 * between the form and storage, and name only SavedForm's own parts.
 */
type Form<State> = SavedForm<SavedFormConfig, State, Contract<string, SavedFormPart>>;

/**
 * Shows `raw` (a parsed file or copy) in the form, saying `said` and what else happened; what the
 * form held is put out of the way first (kept aside, or listed). False, with the reason said and
 * nothing changed, when it is not one the form reads or what the form holds cannot be put away.
 */
export async function take<State>(form: Form<State>, raw: unknown, said: string): Promise<boolean> {
  const { storageKey, texts } = form.config;
  const value = form.read(raw);
  if (typeof value === 'string') {
    form.say(value);
    return false;
  }
  const current = JSON.stringify(form.state());
  const [adjusted, change] = form.adjust(value);
  // What the rubric does not allow leaves the form, not the browser: the copy as opened is kept aside.
  const kept = !change || keepAside(storageKey, JSON.stringify(value));
  const [away, awaySaid] = !kept
    ? [false, '']
    : current === form.blank
      ? [true, '']
      : form.putAway
        ? await form.putAway(current, adjusted)
        : [keepAside(storageKey, current), texts.previousKeptAside];
  if (!away) {
    form.say(texts.notOpened);
    return false;
  }
  form.fill(adjusted);
  const stored = form.store();
  form.render();
  form.say(sentences(said, awaySaid, change, stored ? '' : form.refused));
  return true;
}

export async function open<State>(form: Form<State>, file?: File) {
  if (file) await take(form, await readJson(file, limits.fileBytes), form.config.texts.loaded);
}

/** Runs `change`, then puts back the value `field` had (the one being edited). */
export function keepingField(field: EventTarget | null | undefined, change: () => void) {
  const input = field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement ? field : undefined;
  const radio = input instanceof HTMLInputElement && input.type === 'radio';
  const value = radio ? (input as HTMLInputElement).checked : input?.value;
  change();
  if (input && radio) (input as HTMLInputElement).checked = value as boolean;
  else if (input) input.value = value as string;
}

/** Takes into the form what another tab saved as `text`, keeping the field being edited here. */
export function merge<State>(form: Form<State>, text: string | null) {
  if (text === null || text === form.lastSeen) return;
  let value: State | string;
  try {
    value = form.read(JSON.parse(text));
  } catch {
    return;
  }
  if (typeof value === 'string') return;
  keepingField(document.activeElement, () => form.fill(value));
  form.lastSeen = text;
  form.render();
}

/** Today in this browser's time zone, as file names write dates (2026-12-01). */
const today = () => {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
};

/** `parts` as one file name: characters file systems refuse or read otherwise become gaps, and gaps one hyphen. */
const fileName = (...parts: string[]) =>
  `${parts
    .map((part) =>
      part
        .replace(/[\\/:*?"<>|.\p{Cc}\p{Cf}]+/gu, ' ')
        .trim()
        .replace(/\s+/g, '-')
        .slice(0, 60),
    )
    .filter(Boolean)
    .join('-')}.json`;

export function download<State>(form: Form<State>) {
  const state = form.state();
  downloadJson(fileName(form.config.texts.fileName, form.who(state)[0] ?? '', today()), state);
}

/** The copies of `key` kept aside, newest first, each with when it was kept. */
function keptCopies(key: string): [string, Date][] {
  const start = storageSpace.keptAside(key, '').length;
  return Object.keys(localStorage)
    .filter((k) => storageSpace.isKeptAside(k, key))
    .sort()
    .reverse()
    .map((k) => [k, new Date(k.slice(start, start + 24))]);
}

/** Lists the copies kept aside with when they were kept and whose they are, each with a button that restores it. */
export function listKept<State>(form: Form<State>) {
  const { storageKey, saved } = form.config;
  const time = new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: 'medium', timeStyle: 'short' });
  const copies = keptCopies(storageKey).map(([entry, at]) => {
    const item = document.createElement('li');
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: fill(saved.restore, { time: time.format(at) }) });
    form.on(button, 'click', () => void restore(form, entry));
    let value: State | string;
    try {
      value = form.read(JSON.parse(localStorage.getItem(entry)!));
    } catch {
      value = '';
    }
    item.append(button, ' ', typeof value === 'string' ? '' : form.who(value).join(' · '));
    return item;
  });
  const none = Object.assign(document.createElement('li'), { textContent: saved.keptNone });
  form.target('kept-list').replaceChildren(...(copies.length ? copies : [none]));
}

/** Restores the copy kept aside as `entry` in the form (what it held is kept aside in turn). */
async function restore<State>(form: Form<State>, entry: string) {
  const text = localStorage.getItem(entry);
  if (text !== null) {
    // Taken out first, so keeping the form's work aside never drops it to make room.
    localStorage.removeItem(entry);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = undefined;
    }
    if (!(await take(form, raw, form.config.saved.restored))) localStorage.setItem(entry, text);
  }
  listKept(form);
  form.target('kept').querySelector('summary')!.focus();
}

/** Opens `dialog` (modal, so the keyboard stays in it) and resolves whether its `delete` button closed it. */
export const confirmed = (dialog: HTMLDialogElement) =>
  new Promise<boolean>((resolve) => {
    // Its buttons close it themselves: an island may stop the submit events of the forms inside it (the quiz does).
    const clicked = (event: Event) => {
      const value = (event.target as Element).closest('button')?.value;
      if (value) dialog.close(value);
    };
    dialog.addEventListener('click', clicked);
    dialog.addEventListener(
      'close',
      () => {
        dialog.removeEventListener('click', clicked);
        resolve(dialog.returnValue === 'delete');
      },
      { once: true },
    );
    dialog.returnValue = '';
    dialog.showModal();
  });

/** Removes from this browser every key of the form or quiz kept under `key` (clickSpace.isOf). */
export function forgetKey(key: string) {
  for (const k of Object.keys(localStorage)) if (clickSpace.isOf(k, key)) localStorage.removeItem(k);
}

/** Once confirmed with `dialog`, deletes everything the quiz keeps under `key`, and starts the page afresh. */
export async function forgetQuiz(dialog: HTMLDialogElement, key: string) {
  if (!(await confirmed(dialog))) return;
  forgetKey(key);
  location.reload();
}

/** Once confirmed, deletes everything the form keeps in this browser and empties the form. */
export async function forget<State>(form: Form<State>) {
  if (!(await confirmed(form.target('delete-dialog', HTMLDialogElement)))) return;
  forgetKey(form.config.storageKey);
  form.fill(JSON.parse(form.blank));
  form.render();
  form.say(form.config.saved.deleted);
  if (form.target('kept', HTMLDetailsElement).open) listKept(form);
}
