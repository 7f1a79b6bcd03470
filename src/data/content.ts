/**
 * The one place pages read content from: loads every collection, checks that the entries
 * hang together (failing the build with the file and field when they do not), and sorts them.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { assertContentIntegrity, type ContentSnapshot } from '../lib/content-integrity';
import { sourceLocales, type SourceLocale } from '../lib/i18n/locales';
import type { Localized } from '../lib/localized';
import type { QuizCase } from '../lib/quiz';
import type { LevelRule } from '../lib/rubric-model';
import type { LocaleContext } from '../middleware';
import type { MarkText } from '../components/written-by-mark';
import { verdicts } from '../lib/vocabulary';

export type CaseEntry = CollectionEntry<'cases'>;
export type RubricEntry = CollectionEntry<'rubrics'>;
export type SpeechEntry = CollectionEntry<'speeches'>;
export type ValuesEntry = CollectionEntry<'values'>;
export type GlossaryEntry = CollectionEntry<'glossary'>;
export type SourceEntry = CollectionEntry<'sources'>;
export type ThemeEntry = CollectionEntry<'themes'>;
export type PageEntry = CollectionEntry<'pages'>;

async function load() {
  const [speeches, values, rubrics, cases, glossary, sources, themes, pages] = await Promise.all([
    getCollection('speeches'),
    getCollection('values'),
    getCollection('rubrics'),
    getCollection('cases'),
    getCollection('glossary'),
    getCollection('sources'),
    getCollection('themes'),
    getCollection('pages'),
  ]);
  const snapshot: ContentSnapshot = { speeches, values, rubrics, cases, glossary, sources, themes, pages };
  assertContentIntegrity(snapshot);
  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
  const speechOrder = (c: CaseEntry) => Number(c.data.paragraphs?.[0]?.replace(/\D/g, '') ?? 0);
  return {
    speeches: speeches.sort(byId),
    values: values.sort((a, b) => a.data.order - b.data.order || byId(a, b)),
    rubrics: rubrics.sort(byId),
    cases: cases.sort(
      (a, b) =>
        a.data.rubric.localeCompare(b.data.rubric) ||
        a.data.level - b.data.level ||
        verdicts.indexOf(a.data.verdict) - verdicts.indexOf(b.data.verdict) ||
        // The source's own order within a list; the site's readings (no position) after it, in speech order.
        (a.data.position ?? Infinity) - (b.data.position ?? Infinity) ||
        speechOrder(a) - speechOrder(b) ||
        byId(a, b),
    ),
    glossary: glossary.sort(byId),
    sources: sources.sort((a, b) => (a.data.kind === b.data.kind ? byId(a, b) : a.data.kind === 'seed' ? -1 : 1)),
    themes,
    pages: pages.sort((a, b) => a.data.order - b.data.order || byId(a, b)),
  };
}

let cached: ReturnType<typeof load> | undefined;

/** All content, loaded and checked once per build. */
export function siteContent() {
  cached ??= load();
  return cached;
}

export async function getSource(id: string): Promise<SourceEntry> {
  const source = (await siteContent()).sources.find((s) => s.id === id);
  if (!source) throw new Error(`unknown source "${id}"`);
  return source;
}

export interface Guide {
  page: string;
  title: Localized;
  description: Localized;
  /** The page's MDX entry in each locale it is written in. */
  entries: Record<SourceLocale, PageEntry>;
}

/**
 * Guide pages, each written once per source locale (content/pages/<locale>/<name>.mdx, checked
 * to exist in each); the Simplified edition prints the Traditional one.
 */
export async function guides(): Promise<Guide[]> {
  const { pages } = await siteContent();
  const ids = [...new Set(pages.map((p) => p.data.page))];
  return ids.map((page) => {
    const entries = Object.fromEntries(
      sourceLocales.map((l) => [l, pages.find((p) => p.data.page === page && p.id.startsWith(`${l}/`))!]),
    ) as Record<SourceLocale, PageEntry>;
    const field = (name: 'title' | 'description') =>
      Object.fromEntries(sourceLocales.map((l) => [l, entries[l].data[name]])) as Localized;
    return { page, title: field('title'), description: field('description'), entries };
  });
}

/** The cases a rubric's quiz asks about: all of its cases but those kept out of the quiz (`quiz: false`). */
export async function quizCases(rubric: string): Promise<QuizCase[]> {
  return (await siteContent()).cases
    .filter((c) => c.data.rubric === rubric && c.data.quiz)
    .map((c) => ({ id: c.id, level: c.data.level, verdict: c.data.verdict, origin: c.data.origin }));
}

/** The short tag and long text of the mark on text written by `by`: `site`, or the id of the source a gap was filled from. */
export async function authorshipMark(by: string, { t, text }: Pick<LocaleContext, 't' | 'text'>): Promise<MarkText> {
  if (by === 'site') return { text: t.attribution.site, long: t.attribution.siteLong };
  const { title, publisher } = (await getSource(by)).data;
  return { text: t.attribution.filled, long: t.attribution.filledLong(text(title ?? publisher)) };
}

/**
 * What every rubric island's config holds (plain JSON): where it saves, the rubric's levels as
 * the rubric model scores them, their statements, and the words that explain a score.
 */
export function rubricIslandConfig(rubric: RubricEntry, storageKey: string, { t, text }: Pick<LocaleContext, 't' | 'text'>) {
  const { levels } = rubric.data;
  return {
    storageKey: `${storageKey}/${rubric.id}`,
    rubric: rubric.id,
    rules: levels.map(({ level, evidence, halfPoint }): LevelRule => ({
      level,
      evidence,
      ...(halfPoint ? { halfPoint: { points: halfPoint.points, condition: halfPoint.condition } } : {}),
    })),
    statements: Object.fromEntries(levels.map((l) => [l.level, text(l.statement)])),
    reasons: t.rubricModel,
  };
}
