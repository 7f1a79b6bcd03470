/**
 * localStorage for the islands. Data that fails its check is never thrown away: it is moved to
 * a `<key>/kept-aside/<time>` entry and the caller is told, so the page can say so.
 */

export interface Loaded<T> {
  value: T | undefined;
  /** Set when what was stored could not be read and was kept aside. */
  keptAside: boolean;
  /** False when the browser refuses storage (private mode, disabled, full). */
  available: boolean;
}

export function keepAside(key: string, text: string): boolean {
  try {
    localStorage.setItem(`${key}/kept-aside/${new Date().toISOString()}`, text);
    return true;
  } catch {
    return false;
  }
}

export function load<T>(key: string, read: (raw: unknown) => T | undefined): Loaded<T> {
  let text: string | null;
  try {
    text = localStorage.getItem(key);
  } catch {
    return { value: undefined, keptAside: false, available: false };
  }
  if (text === null) return { value: undefined, keptAside: false, available: true };
  let value: T | undefined;
  try {
    value = read(JSON.parse(text));
  } catch {
    value = undefined;
  }
  if (value !== undefined) return { value, keptAside: false, available: true };
  // Drop the original only once its copy is stored; if it cannot be, save nothing over it.
  if (!keepAside(key, text)) return { value: undefined, keptAside: false, available: false };
  localStorage.removeItem(key);
  return { value: undefined, keptAside: true, available: true };
}

/** Stores `value`; false when the browser refuses. */
export function save(key: string, value: unknown): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}
