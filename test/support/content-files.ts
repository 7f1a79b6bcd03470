/** Reads the project's content files as plain data, the way Astro's loaders see them. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from './astro-cli';

export const contentRoot = join(projectRoot, 'content');

export function readYaml(relativePath: string): unknown {
  return parse(readFileSync(join(contentRoot, relativePath), 'utf8'));
}

/** Every `*.yaml` file of a content folder, as `{ id, filePath, data }`. */
export function yamlEntries(folder: string): { id: string; filePath: string; data: unknown }[] {
  return readdirSync(join(contentRoot, folder))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ id: basename(f, '.yaml'), filePath: `content/${folder}/${f}`, data: readYaml(`${folder}/${f}`) }));
}
