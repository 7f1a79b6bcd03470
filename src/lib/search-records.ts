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
import { paragraphLabel } from './vocabulary';

export type { SearchRecord };

export function searchRecords(content: ContentSnapshot, locale: Locale, labels: { level: (n: number) => string }): SearchRecord[] {
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
  for (const entry of content.cases) {
    const c = entry.data;
    records.push({
      route: routes.case(entry.id),
      title: text(c.title),
      bySite: 'title',
      content: [c.text, c.reading].flatMap((t) => (t ? [text(t)] : [])).join(' '),
      filters: { kind: 'case', source: company(c.source), rubric: c.rubric, level: String(c.level), verdict: c.verdict },
    });
  }
  for (const entry of content.rubrics) {
    const r = entry.data;
    for (const level of r.levels) {
      records.push({
        route: `${routes.rubric(entry.id)}#level-${level.level}`,
        title: `${text(r.title)} · ${labels.level(level.level)}`,
        content: [level.statement, ...level.meaning, level.rule, level.halfPoint?.text, level.noCases]
          .flatMap((t) => (t ? [text(t)] : []))
          .join(' '),
        filters: { kind: 'rubric-level', source: company(r.source), rubric: entry.id, level: String(level.level) },
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
      bySite: 'content',
      filters: { kind: 'glossary-term', source: company(g.source) },
    });
  }
  for (const entry of content.sources) {
    const s = entry.data;
    records.push({
      route: `${routes.sources}#${entry.id}`,
      title: text(s.title ?? s.publisher),
      content: [s.author, s.publisher, s.credit, ...(s.fills ?? [])].flatMap((t) => (t ? [text(t)] : [])).join(' '),
      filters: { kind: 'source', source: s.company },
    });
  }
  return records;
}
