/**
 * What the search indexes: one record per thing a learner looks for — a speech paragraph, a
 * case, a rubric level, a value statement, a glossary term — each pointing at its exact anchor,
 * with the filters the search page offers (source company, kind, rubric level, verdict).
 */
import type { SearchRecord } from '../schemas/search-index';
import type { ContentSnapshot } from './content-integrity';
import { defaultLocale, hanScript, type Locale } from './i18n/locales';
import { inLocale, textIn } from './localized';
import { routes } from './urls';
import { forDiscussion, paragraphLabel, siteReadingSource } from './vocabulary';

export type { SearchRecord };
type MarkText = NonNullable<SearchRecord['contentMark']>;

/** The marks a record can carry, in the record's language. */
export interface RecordMarks {
  site: MarkText;
  /** The mark on text filled in from the source `sourceId`. */
  filled: (sourceId: string) => MarkText;
}

export function searchRecords(
  content: ContentSnapshot,
  locale: Locale,
  labels: { level: (n: number) => string },
  marks: RecordMarks,
): SearchRecord[] {
  const text = textIn(locale);
  const companyOf = new Map(content.sources.map((s) => [s.id, s.data.company]));
  const company = (sourceId: string) => companyOf.get(sourceId) ?? sourceId;
  const records: SearchRecord[] = [];

  for (const { data: speech } of content.speeches) {
    const paragraphs = [...speech.lead.paragraphs, ...speech.body.paragraphs];
    for (const p of paragraphs) {
      const part = p.id.startsWith('lead-') ? speech.lead.heading : speech.body.heading;
      records.push({
        route: `${routes.speech}#${p.id}`,
        title: `${text(speech.speaker)} · ${text(part)} ${paragraphLabel(p.id)}`,
        content: text(p),
        filters: { kind: 'speech-paragraph', source: company(speech.source) },
      });
    }
  }
  // Each part of a case has one author, so each is a record of its own: the passage (the source's
  // words), the site's reading of it, the site's note on where the source files it.
  for (const entry of content.cases) {
    const c = entry.data;
    const reading = c.origin === 'site-reading';
    const filters = {
      kind: 'case' as const,
      source: reading ? siteReadingSource : company(c.source),
      rubric: c.rubric,
      level: String(c.level),
      verdict: reading ? forDiscussion : c.verdict,
    };
    const route = routes.case(entry.id);
    const title = text(c.title);
    records.push({ route, title, titleMark: marks.site, content: text(c.text), filters });
    if (c.reading) records.push({ route: `${route}#reading`, title, titleMark: marks.site, content: text(c.reading), contentMark: marks.site, filters });
    if (c.note) records.push({ route: `${route}#note`, title, titleMark: marks.site, content: text(c.note), contentMark: marks.site, filters });
  }
  for (const entry of content.rubrics) {
    const r = entry.data;
    for (const level of r.levels) {
      const route = `${routes.rubric(entry.id)}#level-${level.level}`;
      const title = `${text(r.title)} · ${labels.level(level.level)}`;
      const filters = { kind: 'rubric-level' as const, source: company(r.source), rubric: entry.id, level: String(level.level) };
      // A statement filled in from another source is a record of its own, marked with that source.
      if (level.statementSource) {
        records.push({
          // Its own anchor (the level's heading, which the statement follows): Pagefind keeps one record per URL.
          route: `${routes.rubric(entry.id)}#level-${level.level}-heading`,
          title,
          content: text(level.statement),
          contentMark: marks.filled(level.statementSource),
          filters: { ...filters, source: company(level.statementSource) },
        });
      }
      records.push({
        route,
        title,
        content: [level.statementSource ? undefined : level.statement, ...level.meaning, level.halfPoint?.text, level.rule, level.noCases]
          .flatMap((t) => (t ? [text(t)] : []))
          .join(' '),
        filters,
      });
    }
  }
  for (const entry of content.values) {
    const f = entry.data.featured;
    for (const s of f.statements) {
      records.push({
        route: `${routes.values}#${entry.id}-${s.id}`,
        title: `${text(entry.data.company)} · ${text(f.name)}`,
        content: text(s),
        filters: { kind: 'value-statement', source: entry.id },
      });
    }
  }
  for (const entry of content.glossary) {
    const g = entry.data;
    records.push({
      route: `${routes.glossary}#${entry.id}`,
      // The term in the page's Chinese (Traditional on English pages) and its English rendering.
      title: `${inLocale(g.term, hanScript[locale] ? locale : defaultLocale)} · ${inLocale(g.term, 'en', locale)}`,
      content: text(g.definition),
      contentMark: marks.site,
      filters: { kind: 'glossary-term', source: company(g.source) },
    });
  }
  for (const entry of content.sources) {
    const s = entry.data;
    records.push({
      route: `${routes.sources}#${entry.id}`,
      title: text(s.title ?? s.publisher),
      content: [s.author, s.publisher, s.credit].flatMap((t) => (t ? [text(t)] : [])).join(' '),
      filters: { kind: 'source', source: s.company },
    });
    // What a source fills in is a record of its own, marked as that source's, as on the sources page.
    if (s.fills) {
      records.push({
        route: `${routes.sources}#${entry.id}-fills`,
        title: text(s.title ?? s.publisher),
        content: s.fills.map((f) => text(f)).join(' '),
        contentMark: marks.filled(entry.id),
        filters: { kind: 'source', source: s.company },
      });
    }
  }
  return records;
}
