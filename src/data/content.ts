/**
 * The one place pages read content from: loads every collection, checks that the entries
 * hang together (failing the build with the file and field when they do not), and sorts them.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { assertContentIntegrity, type ContentSnapshot } from '../lib/content-integrity';
import type { Locale } from '../lib/i18n/locales';
import { toSimplified } from '../lib/simplified';

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
  const verdictOrder = { meets: 0, 'falls-short': 1 } as const;
  return {
    speeches: speeches.sort(byId),
    values: values.sort((a, b) => a.data.order - b.data.order || byId(a, b)),
    rubrics: rubrics.sort(byId),
    cases: cases.sort(
      (a, b) =>
        a.data.rubric.localeCompare(b.data.rubric) ||
        a.data.level - b.data.level ||
        verdictOrder[a.data.verdict] - verdictOrder[b.data.verdict] ||
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

/** Guide pages of one locale, for lists; the Simplified ones are the Traditional ones, converted. */
export async function guidesOf(locale: Locale): Promise<{ page: string; title: string; description: string }[]> {
  const folder = locale === 'zh-hans' ? 'zh-hant' : locale;
  const convert = locale === 'zh-hans' ? toSimplified : (text: string) => text;
  return (await siteContent()).pages
    .filter((p) => p.id.startsWith(`${folder}/`))
    .map((p) => ({ page: p.data.page, title: convert(p.data.title), description: convert(p.data.description) }));
}
