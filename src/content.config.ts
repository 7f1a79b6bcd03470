/**
 * Content collections: each folder of `content/` and the schema its files must match (the schemas
 * live in `src/schemas/content.ts`; cross-references between entries are checked in
 * `src/lib/content-integrity.ts`).
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { assertContentFiles } from './lib/content-files';
import { contentSchemas as schemas } from './schemas/content';

const yamlFolders = ['speech', 'values', 'rubrics', 'cases', 'glossary', 'sources'];
// Before any loader runs: a file they would skip (.yml, a subfolder) or misread (not UTF-8) fails here.
assertContentFiles(process.cwd(), {
  yamlFolders: yamlFolders.map((f) => `content/${f}`),
  pageFolders: ['content/pages'],
  files: ['content/themes.yaml', 'content/lms.yaml', 'content/zh-hans-overrides.json'],
});

/**
 * The YAML files of a folder, each an entry whose id is its file name. Two files with one id
 * (`Rubric.yaml` beside `rubric.yaml`) fail the build: Astro's own check misses files read at
 * the same time, and one would silently hide the other.
 */
function yamlIn(folder: string) {
  const base = `./content/${folder}`;
  const fileOf = new Map<string, string>();
  return glob({
    pattern: '*.yaml',
    base,
    generateId: ({ entry }) => {
      const id = entry.replace(/\.yaml$/, '').toLowerCase();
      const other = fileOf.get(id);
      if (other !== undefined && other !== entry && existsSync(join(base, other))) {
        throw new Error(`content/${folder}/${entry}: id "${id}" is already the id of content/${folder}/${other}; rename one of them`);
      }
      fileOf.set(id, entry);
      return id;
    },
  });
}

export const collections = {
  speeches: defineCollection({ loader: yamlIn('speech'), schema: schemas.speeches }),
  values: defineCollection({ loader: yamlIn('values'), schema: schemas.values }),
  rubrics: defineCollection({ loader: yamlIn('rubrics'), schema: schemas.rubrics }),
  cases: defineCollection({ loader: yamlIn('cases'), schema: schemas.cases }),
  glossary: defineCollection({ loader: yamlIn('glossary'), schema: schemas.glossary }),
  sources: defineCollection({ loader: yamlIn('sources'), schema: schemas.sources }),
  themes: defineCollection({ loader: file('./content/themes.yaml'), schema: schemas.themes }),
  pages: defineCollection({ loader: glob({ pattern: '*/*.mdx', base: './content/pages' }), schema: schemas.pages }),
};
