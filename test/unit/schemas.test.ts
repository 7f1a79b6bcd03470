/**
 * The content schemas against the content frozen in test/fixtures/content/ (which must pass)
 * and against broken copies of it (which must fail, naming the field). The build parses the
 * live content/ with the same schemas (src/content.config.ts).
 */
import { describe, expect, test } from 'vitest';
import type { z } from 'astro/zod';
import {
  caseSchema,
  glossarySchema,
  rubricSchema,
  sourceSchema,
  speechSchema,
  themeSchema,
  valuesSchema,
} from '../../src/schemas/content';
import { readYaml, yamlEntries } from '../support/content-files';

const folders: [string, z.ZodType][] = [
  ['cases', caseSchema],
  ['glossary', glossarySchema],
  ['rubrics', rubricSchema],
  ['sources', sourceSchema],
  ['speech', speechSchema],
  ['values', valuesSchema],
];

describe('the frozen content matches its schemas', () => {
  test.each(folders)('content/%s', (folder, schema) => {
    const entries = yamlEntries(folder);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      const result = schema.safeParse(entry.data);
      expect(result.success, `${entry.filePath}: ${result.error?.message}`).toBe(true);
    }
  });

  test('content/themes.yaml', () => {
    const themes = readYaml('themes.yaml') as unknown[];
    for (const theme of themes) expect(themeSchema.safeParse(theme).success).toBe(true);
  });
});

/** A deep copy of a content file with `change` applied. */
function broken<T>(file: string, change: (data: T) => void): unknown {
  const data = structuredClone(readYaml(file)) as T;
  change(data);
  return data;
}

type Data = Record<string, any>;
const aCase = 'cases/alibaba-l1-manager-insults-staff.yaml';
const aSpeechCase = 'cases/jd-speech-acting-like-suppliers-bosses.yaml';
const theRubric = 'rubrics/alibaba-customer-first.yaml';

const badFixtures: { name: string; schema: z.ZodType; data: unknown; path: string }[] = [
  { name: 'a level outside 1-5', schema: caseSchema, path: 'level', data: broken<Data>(aCase, (d) => void (d.level = 7)) },
  { name: 'a missing English text', schema: caseSchema, path: 'text.en', data: broken<Data>(aCase, (d) => delete d.text.en) },
  { name: 'an empty Chinese title', schema: caseSchema, path: 'title.zh-hant', data: broken<Data>(aCase, (d) => void (d.title['zh-hant'] = ' ')) },
  { name: 'an unknown verdict', schema: caseSchema, path: 'verdict', data: broken<Data>(aCase, (d) => void (d.verdict = 'passes')) },
  { name: 'a misspelt field', schema: caseSchema, path: '', data: broken<Data>(aCase, (d) => void (d.levle = 1)) },
  {
    name: "a site reading without the site's reading",
    schema: caseSchema,
    path: 'reading',
    data: broken<Data>(aSpeechCase, (d) => delete d.reading),
  },
  { name: 'a source case without its place in the source’s list', schema: caseSchema, path: 'position', data: broken<Data>(aCase, (d) => delete d.position) },
  { name: 'a position of 0', schema: caseSchema, path: 'position', data: broken<Data>(aCase, (d) => void (d.position = 0)) },
  { name: 'a site reading with a place in the source’s lists', schema: caseSchema, path: 'position', data: broken<Data>(aSpeechCase, (d) => void (d.position = 1)) },
  { name: 'a site reading that would be graded', schema: caseSchema, path: 'quiz', data: broken<Data>(aSpeechCase, (d) => delete d.quiz) },
  {
    name: 'rubric levels out of order',
    schema: rubricSchema,
    path: 'levels',
    data: broken<Data>(theRubric, (d) => d.levels.reverse()),
  },
  {
    name: 'an unknown evidence rule',
    schema: rubricSchema,
    path: 'levels.2.evidence',
    data: broken<Data>(theRubric, (d) => void (d.levels[2].evidence = 'always')),
  },
  {
    name: 'a half point of a whole point',
    schema: rubricSchema,
    path: 'levels.0.halfPoint.points',
    data: broken<Data>(theRubric, (d) => void (d.levels[0].halfPoint.points = 1)),
  },
  {
    name: 'a paragraph id of the wrong form',
    schema: speechSchema,
    path: 'body.paragraphs.0.id',
    data: broken<Data>('speech/jd-2013-customer-first.yaml', (d) => void (d.body.paragraphs[0].id = 'first')),
  },
  {
    name: 'a gap-fill source that fills nothing',
    schema: sourceSchema,
    path: 'fills',
    data: broken<Data>('sources/youlu-3070989.yaml', (d) => delete d.fills),
  },
  {
    name: 'a source address that is no URL',
    schema: sourceSchema,
    path: 'url',
    data: broken<Data>('sources/youlu-3070989.yaml', (d) => void (d.url = 'youlu dot net')),
  },
];

describe('broken content is refused, naming the field', () => {
  test.each(badFixtures)('$name', ({ schema, data, path }) => {
    const result = schema.safeParse(data);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toContain(path);
  });
});
