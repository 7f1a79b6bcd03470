/** The files under a built folder, as paths from it with forward slashes (e.g. en/speech/index.html). */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}
