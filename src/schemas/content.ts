/**
 * Zod schemas of the content in `content/`. Pure zod (no loaders) so the unit tests can check
 * them against bad fixtures; `src/content.config.ts` binds them to their folders.
 */
import { z } from 'astro/zod';
import { toSimplified } from '../lib/simplified';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/**
 * A text in each language the content is written in, `{ zh-hant: …, en: … }` (a missing
 * translation fails the build), plus `extra` fields. Loading adds the generated `zh-hans`.
 */
function localized<Extra extends z.ZodRawShape>(extra: Extra) {
  return z
    .strictObject({ 'zh-hant': nonEmpty, en: nonEmpty, ...extra })
    .transform((text) => ({ ...text, 'zh-hans': toSimplified((text as { 'zh-hant': string })['zh-hant']) }));
}

export const localizedText = localized({});
export type LocalizedText = z.output<typeof localizedText>;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');
/** Ids of other entries; their existence is checked in `src/lib/content-integrity.ts`. */
const entryId = slug;
const paragraphId = z.string().regex(/^(?:lead-|p)\d+$/, 'must look like p1 or lead-1');

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

export const evidenceRules = ['granted-unless-nonconforming', 'requires-conforming'] as const;

const rubricLevel = z.strictObject({
  level: z.number().int().min(1, 'levels run from 1 to 5').max(5, 'levels run from 1 to 5'),
  statement: localizedText,
  /** Set when the statement is missing from the main source and filled from another. */
  statementSource: entryId.optional(),
  meaning: z.array(localizedText).min(1),
  evidence: z.enum(evidenceRules),
  rule: localizedText,
  halfPoint: z
    .strictObject({
      points: z.number().gt(0).lt(1),
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

export const verdicts = ['meets', 'falls-short'] as const;
export type Verdict = (typeof verdicts)[number];

export const caseSchema = z
  .strictObject({
    rubric: entryId,
    level: z.number().int().min(1, 'levels run from 1 to 5').max(5, 'levels run from 1 to 5'),
    verdict: z.enum(verdicts),
    /** `source`: a case the source itself gives; `site-reading`: the site's reading of the speech. */
    origin: z.enum(['source', 'site-reading']),
    source: entryId,
    paragraphs: z.array(paragraphId).min(1).optional(),
    themes: z.array(slug).min(1),
    title: localizedText,
    text: localizedText,
    reading: localizedText.optional(),
  })
  .superRefine((entry, ctx) => {
    if (entry.origin === 'site-reading' && (!entry.reading || !entry.paragraphs)) {
      ctx.addIssue({
        code: 'custom',
        path: ['reading'],
        message: 'a site-reading case needs `reading` and the `paragraphs` it reads',
      });
    }
  });

export const glossarySchema = z.strictObject({
  term: localizedText,
  /** Forms to link in running text when they differ from the term itself. */
  matches: z
    .strictObject({ 'zh-hant': z.array(nonEmpty).optional(), en: z.array(nonEmpty).optional() })
    .transform((m) => ({ ...m, 'zh-hans': m['zh-hant']?.map(toSimplified) }))
    .optional(),
  definition: localizedText,
  source: entryId,
  paragraph: paragraphId.optional(),
});

export const themeSchema = localized({ id: slug });

export const sourceSchema = z
  .strictObject({
    kind: z.enum(['seed', 'gap-fill']),
    /** The company the source speaks of: the id of its file in content/values/. */
    company: slug,
    seedFile: z.string().optional(),
    title: localizedText.optional(),
    publisher: localizedText,
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/, 'must be YYYY-MM-DD, optionally with hh:mm').optional(),
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
