/**
 * Reads content files as plain data, the way Astro's loaders see them: `readYaml` and
 * `yamlEntries` read the frozen copies in test/fixtures/content/ (the unit lane), `liveContent`
 * reads the project's content/ (the site lane's checks of the content itself).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from './astro-cli';

function contentFiles(root: string) {
  const readYaml = (relativePath: string): unknown => parse(readFileSync(join(root, relativePath), 'utf8'));
  /** Every `*.yaml` file of a content folder, as `{ id, filePath, data }` (`filePath` as the build names it). */
  const yamlEntries = (folder: string): { id: string; filePath: string; data: unknown }[] =>
    readdirSync(join(root, folder))
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => ({ id: basename(f, '.yaml'), filePath: `content/${folder}/${f}`, data: readYaml(`${folder}/${f}`) }));
  return { root, readYaml, yamlEntries };
}

/** A project folder holding the frozen content: `<fixtureProject>/content/…`. */
export const fixtureProject = join(projectRoot, 'test/fixtures');
export const { readYaml, yamlEntries } = contentFiles(join(fixtureProject, 'content'));
export const liveContent = contentFiles(join(projectRoot, 'content'));
