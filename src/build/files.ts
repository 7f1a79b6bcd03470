/** The files under a built folder, as paths from it with forward slashes (e.g. en/speech/index.html). */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** The URL path of a built file under `base` (`/base/en/speech/` for `en/speech/index.html`). */
export const urlOf = (base: string, file: string) => `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
