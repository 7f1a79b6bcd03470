/**
 * Content collections: each folder of `content/` and the schema its files must match.
 * The schemas live in `src/schemas/content.ts`; cross-references between entries are
 * checked in `src/lib/content-integrity.ts`.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import {
  caseSchema,
  glossarySchema,
  pageSchema,
  rubricSchema,
  sourceSchema,
  speechSchema,
  themeSchema,
  valuesSchema,
} from './schemas/content';

const yamlIn = (folder: string) => glob({ pattern: '*.yaml', base: `./content/${folder}` });

export const collections = {
  speeches: defineCollection({ loader: yamlIn('speech'), schema: speechSchema }),
  values: defineCollection({ loader: yamlIn('values'), schema: valuesSchema }),
  rubrics: defineCollection({ loader: yamlIn('rubrics'), schema: rubricSchema }),
  cases: defineCollection({ loader: yamlIn('cases'), schema: caseSchema }),
  glossary: defineCollection({ loader: yamlIn('glossary'), schema: glossarySchema }),
  sources: defineCollection({ loader: yamlIn('sources'), schema: sourceSchema }),
  themes: defineCollection({ loader: file('./content/themes.yaml'), schema: themeSchema }),
  pages: defineCollection({ loader: glob({ pattern: '*/*.mdx', base: './content/pages' }), schema: pageSchema }),
};
