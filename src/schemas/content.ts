/**
 * Zod schemas of the content in `content/`. Pure zod (no loaders, no conversion) so the unit
 * tests can check them against bad fixtures; `src/content.config.ts` binds them to their folders.
 * Texts are written in `zh-hant` and `en`; the Simplified edition is derived when a page prints
 * them (src/lib/localized.ts).
 */
import { z } from 'astro/zod';
import { caseOrigins, evidenceRules, maxLevel, paragraphIdPattern, sourceKinds, verdicts } from '../lib/vocabulary';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/**
 * A text in each language the content is written in, `{ zh-hant: …, en: … }` (a missing
 * translation fails the build), plus `extra` fields.
 */
function localized<Extra extends z.ZodRawShape>(extra: Extra) {
  return z.strictObject({ 'zh-hant': nonEmpty, en: nonEmpty, ...extra });
}

export const localizedText = localized({});

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');
/** Ids of other entries; their existence is checked in `src/lib/content-integrity.ts`. */
const entryId = slug;
const paragraphId = z.string().regex(paragraphIdPattern, 'must look like p1 or lead-1');

const paragraph = localized({ id: paragraphId });

export const speechSchema = z.strictObject({
  title: localizedText,
  speaker: localizedText,
  role: localizedText,
  date: z.iso.date(),
  source: entryId,
  lead: z.strictObject({
    heading: localizedText,
    byline: localizedText,
    paragraphs: z.array(paragraph).min(1),
  }),
  body: z.strictObject({
    heading: localizedText,
    paragraphs: z.array(paragraph).min(1),
  }),
});

const statement = localized({
  id: slug,
  /** The speech paragraph a statement is quoted from, when it is. */
  paragraph: paragraphId.optional(),
});

export const valuesSchema = z.strictObject({
  /** Position on the values page (lower first). */
  order: z.number().int().default(100),
  company: localizedText,
  heading: localizedText,
  values: z.strictObject({
    name: localizedText.optional(),
    items: z.array(localizedText).min(1),
    note: localizedText,
    sources: z.array(entryId).min(1),
  }),
  featured: z.strictObject({
    name: localizedText,
    tagline: localizedText,
    heading: localizedText,
    source: entryId,
    rubric: entryId.optional(),
    statements: z.array(statement).min(1),
  }),
});

const levelRange = `levels run from 1 to ${maxLevel}`;
const levelNumber = z.number().int().min(1, levelRange).max(maxLevel, levelRange);

const rubricLevel = z.strictObject({
  level: levelNumber,
  statement: localizedText,
  /** Set when the statement is missing from the main source and filled from another. */
  statementSource: entryId.optional(),
  meaning: z.array(localizedText).min(1),
  evidence: z.enum(evidenceRules),
  rule: localizedText,
  halfPoint: z
    .strictObject({
      points: z.number().gt(0).lt(1),
      // Not read by the code: the one condition the rubric model implements (a mitigated case that
      // falls short, lib/rubric-model.ts), declared in the content so a rubric asking another fails the build.
      condition: z.literal('mitigated-nonconforming'),
      text: localizedText,
    })
    .optional(),
  noCases: localizedText.optional(),
});

const sourcedText = z.strictObject({ text: localizedText, source: entryId });

export const rubricSchema = z.strictObject({
  title: localizedText,
  value: entryId,
  source: entryId,
  heading: localizedText,
  combination: sourcedText.extend({ rule: z.literal('pass-through') }),
  weight: sourcedText,
  process: sourcedText,
  levels: z
    .array(rubricLevel)
    .min(1)
    .refine((levels) => levels.every((l, i) => l.level === i + 1), {
      message: 'levels must be listed in order 1, 2, 3 … without gaps or repeats',
    }),
});

export const caseSchema = z
  .strictObject({
    rubric: entryId,
    level: levelNumber,
    /** The source's verdict; for a site reading, the verdict the reading argues (shown as "for discussion"). */
    verdict: z.enum(verdicts),
    origin: z.enum(caseOrigins),
    /** False keeps the case out of the graded quiz: a reading of the site's too uncertain to mark answers by. */
    quiz: z.boolean().default(true),
    source: entryId,
    /**
     * Where the source lists the case: its number in its level's list of cases that meet or fall
     * short (the source's own number where it numbers them). Lists sort by it.
     */
    position: z.number().int().min(1, 'positions count from 1').optional(),
    paragraphs: z.array(paragraphId).min(1).optional(),
    themes: z.array(slug).min(1),
    title: localizedText,
    text: localizedText,
    reading: localizedText.optional(),
    /** The site's note on the key: where the source files the case and which words of the level it answers to. */
    note: localizedText.optional(),
  })
  .superRefine((entry, ctx) => {
    if (entry.origin === 'site-reading' && (!entry.reading || !entry.paragraphs)) {
      ctx.addIssue({
        code: 'custom',
        path: ['reading'],
        message: 'a site-reading case needs `reading` and the `paragraphs` it reads',
      });
    }
    if (entry.origin === 'site-reading' && entry.quiz) {
      ctx.addIssue({
        code: 'custom',
        path: ['quiz'],
        message: 'a site reading is put up for discussion, never graded: add `quiz: false`',
      });
    }
    if (entry.origin === 'source' && entry.position === undefined) {
      ctx.addIssue({ code: 'custom', path: ['position'], message: 'a case from the source needs its `position` in the source’s list (1 for the first)' });
    }
    if (entry.origin === 'site-reading' && entry.position !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['position'], message: 'a site reading is not in the source’s lists: leave `position` out' });
    }
  });

export const glossarySchema = z.strictObject({
  term: localizedText,
  /** Forms to link in running text when they differ from the term itself. */
  matches: z.strictObject({ 'zh-hant': z.array(nonEmpty).optional(), en: z.array(nonEmpty).optional() }).optional(),
  definition: localizedText,
  source: entryId,
  paragraph: paragraphId.optional(),
});

export const themeSchema = localized({ id: slug });

export const sourceSchema = z
  .strictObject({
    kind: z.enum(sourceKinds),
    /** The company the source speaks of: the id of its file in content/values/. */
    company: slug,
    /** The captured copy of a seed in test/fixtures/seeds/, for the project (not shown: readers cannot open it). */
    seedFile: z.string().optional(),
    title: localizedText.optional(),
    /** The site's description of a source whose title was not recorded (shown as the site's words). */
    description: localizedText.optional(),
    publisher: localizedText,
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/, 'must be YYYY-MM-DD, optionally with hh:mm').optional(),
    /** What the date is: when the page was published (default) or when it was last updated. */
    dateKind: z.enum(['published', 'updated']).default('published'),
    author: localizedText.optional(),
    credit: localizedText.optional(),
    url: z.url().optional(),
    locator: z.string().optional(),
    normalised: z.array(localizedText).optional(),
    fills: z.array(localizedText).optional(),
  })
  .superRefine((entry, ctx) => {
    if (entry.kind === 'gap-fill' && !entry.fills) {
      ctx.addIssue({ code: 'custom', path: ['fills'], message: 'a gap-fill source must say what it fills' });
    }
    if (!entry.url && !entry.locator && entry.kind === 'gap-fill') {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'a gap-fill source needs a url or a locator' });
    }
  });

export const pageSchema = z.strictObject({
  title: nonEmpty,
  description: nonEmpty,
  /** Pages with the same `page` id are one page in several locales. */
  page: slug,
  order: z.number().int().default(100),
});

/** Every collection's schema, by collection name: the one list the config and the checks derive from. */
export const contentSchemas = {
  speeches: speechSchema,
  values: valuesSchema,
  rubrics: rubricSchema,
  cases: caseSchema,
  glossary: glossarySchema,
  sources: sourceSchema,
  themes: themeSchema,
  pages: pageSchema,
} as const;
export type CollectionName = keyof typeof contentSchemas;
