/**
 * The one place pages read content from: loads every collection, checks that the entries
 * hang together (failing the build with the file and field when they do not), and sorts them.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { assertContentIntegrity, type ContentSnapshot } from '../lib/content-integrity';
import { sourceLocales, type SourceLocale } from '../lib/i18n/locales';
import type { Localized } from '../lib/localized';
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
