/** Files the islands give to and take from the user: JSON only, read and written in the browser. */

/** Offers `value` as a JSON file named `name` for download. */
export function downloadJson(name: string, value: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  Object.assign(document.createElement('a'), { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The parsed JSON of `file`, or undefined when it is larger than `maxBytes` or is not JSON. */
export async function readJson(file: File, maxBytes: number): Promise<unknown> {
  if (file.size > maxBytes) return undefined;
  try {
    return JSON.parse(await file.text());
  } catch {
    return undefined;
  }
}
