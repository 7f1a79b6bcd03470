/**
 * The islands' storage: localStorage, and inside an LMS package also the launch page's host
 * (course-host.ts), which reports to the LMS. Data that fails its check is never thrown away:
 * it is moved to a kept-aside entry (storageSpace.keptAside) and the caller is told, so the page
 * can say so. Kept-aside copies are bounded: the oldest go first, never the current data.
 */
import { storageSpace } from '../lib/saved-state';
import { findHost } from './course-host';

export interface Loaded<T> {
  value: T | undefined;
  /** Set when what was stored could not be read and was kept aside. */
  keptAside: boolean;
  /** False when nothing can keep the learner's work: the browser refuses storage and no LMS takes it. */
  available: boolean;
  /**
   * Set when what was stored could not be read and no copy of it could be kept aside (a full
   * browser): it is left where it is, and save() does not write over it while it stays so.
   */
  leftInPlace: boolean;
}

/** Copies kept aside per key: enough to undo a few file openings, few enough never to fill a browser. */
const keptAsideLimit = 5;

function courseKeys(): string[] {
  return Object.keys(localStorage).filter(storageSpace.isCourse);
}

/** Removes the oldest kept-aside copy, of `key` when given, else of any key; returns it (entry and text), or undefined when there is none. */
function dropOldestKeptAside(of?: string): [string, string] | undefined {
  const oldest = courseKeys()
    .filter((k) => (of === undefined ? k.includes('/kept-aside/') : storageSpace.isKeptAside(k, of)))
    .sort((a, b) => a.slice(a.lastIndexOf('/')).localeCompare(b.slice(b.lastIndexOf('/'))))[0];
  if (oldest === undefined) return undefined;
  const text = localStorage.getItem(oldest) ?? '';
  localStorage.removeItem(oldest);
  return [oldest, text];
}

/**
 * Stores `text` under a new entry (`entryOf` a time; never over another entry); true only when it
 * is stored. Older kept-aside copies make room for it, but only when that is enough: if it still
 * does not fit, they are put back, so a copy too large for the browser never costs the ones
 * already kept. With `limitOf`, the entry is one of that key's copies kept aside, of which the
 * oldest go first beyond keptAsideLimit.
 */
export function storeCopy(entryOf: (time: string) => string, text: string, limitOf?: string): boolean {
  const dropped: [string, string][] = [];
  const drop = (of?: string) => {
    const copy = dropOldestKeptAside(of);
    if (copy) dropped.push(copy);
    return copy !== undefined;
  };
  try {
    while (limitOf !== undefined && courseKeys().filter((k) => storageSpace.isKeptAside(k, limitOf)).length >= keptAsideLimit) drop(limitOf);
    // Two copies in one millisecond (a file's and the work it replaces) must not share an entry.
    const time = new Date().toISOString();
    let entry = entryOf(time);
    for (let n = 1; localStorage.getItem(entry) !== null; n++) entry = entryOf(`${time}-${n}`);
    for (;;) {
      try {
        localStorage.setItem(entry, text);
        return true;
      } catch {
        // Full: older copies make room, never the data in use.
        if (!drop()) break;
      }
    }
  } catch {
    // Blocked: nothing was dropped, or the copies go back below.
  }
  // Nothing was written since they were removed, so the space they held is free again.
  for (const [entry, copy] of dropped.reverse()) {
    try {
      localStorage.setItem(entry, copy);
    } catch {
      // Cannot happen but for another tab writing in between.
    }
  }
  return false;
}

/** Keeps `text` aside as a copy of `key`'s data; true only when the copy is stored. */
export const keepAside = (key: string, text: string) => storeCopy((time) => storageSpace.keptAside(key, time), text, key);

/** Whether localStorage takes a write now (a full or blocked one does not). */
function canWrite(): boolean {
  try {
    localStorage.setItem(storageSpace.probe, '1');
    localStorage.removeItem(storageSpace.probe);
    return true;
  } catch {
    return false;
  }
}

/** Keys whose stored data could not be read nor kept aside: saving over them would lose it. */
const leftInPlace = new Set<string>();

export function load<T>(key: string, read: (raw: unknown) => T | undefined): Loaded<T> {
  leftInPlace.delete(key);
  const host = findHost();
  const available = canWrite() || host !== undefined;
  let text: string | null = null;
  let local = true;
  try {
    text = localStorage.getItem(key);
  } catch {
    local = false;
  }
  // Inside an LMS the launch page holds the LMS's copy merged with this browser's: it comes first.
  const fromHost = host?.get(key) ?? null;
  if (fromHost !== null) text = fromHost;
  if (text === null) return { value: undefined, keptAside: false, available, leftInPlace: false };
  let value: T | undefined;
  try {
    value = read(JSON.parse(text));
  } catch {
    value = undefined;
  }
  if (value !== undefined) return { value, keptAside: false, available, leftInPlace: false };
  if (!local) return { value: undefined, keptAside: false, available: false, leftInPlace: false };
  // Drop the original only once its copy is stored; if it cannot be, save nothing over it.
  if (!keepAside(key, text)) {
    leftInPlace.add(key);
    return { value: undefined, keptAside: false, available, leftInPlace: true };
  }
  localStorage.removeItem(key);
  return { value: undefined, keptAside: true, available, leftInPlace: false };
}

/**
 * Stores `value`; false when neither the browser nor an LMS took it. Data the last load() of
 * `key` could neither read nor keep aside is not written over in this browser.
 */
export function save(key: string, value: unknown): boolean {
  const text = JSON.stringify(value);
  let stored = false;
  try {
    if (!leftInPlace.has(key)) {
      localStorage.setItem(key, text);
      stored = true;
    }
  } catch {
    // Refused (full, blocked, private mode): the LMS, if any, may still take it.
  }
  const host = findHost();
  if (host) {
    try {
      host.put(key, text);
      stored = true;
    } catch {
      // The launch page is gone (the LMS is closing the course).
    }
  }
  return stored;
}

/**
 * Calls `changed` with the new text when another tab of this browser saves `key`, so two tabs
 * merge instead of the last one silently winning. Returns the listener to pass to `on()`.
 */
export const otherTabSaved = (key: string, changed: (text: string | null) => void) => (event: StorageEvent) => {
  if (event.key === key && event.storageArea === localStorage) changed(event.newValue);
};
