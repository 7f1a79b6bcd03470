/**
 * What the search indexes: one record per thing a learner looks for — a speech paragraph, a
 * case, a rubric level, a value statement, a glossary term — each pointing at its exact anchor,
 * with the filters the search page offers (source company, kind, rubric level, verdict).
 */
import type { ContentSnapshot } from './content-integrity';
import type { Locale } from './i18n/locales';
import { routes } from './urls';

export const recordKinds = ['speech-paragraph', 'case', 'rubric-level', 'value-statement', 'glossary-term', 'source'] as const;
export type RecordKind = (typeof recordKinds)[number];

export interface SearchRecord {
  /** Route inside the locale, with the anchor: 'speech/#p7'. */
  route: string;
  /** Shown as the result's link, and searched along with the content. */
  title: string;
  content: string;
  filters: {
    kind: RecordKind;
    source: string;
    level?: string;
    verdict?: string;
  };
}

export function searchRecords(content: ContentSnapshot, locale: Locale, labels: { level: (n: number) => string }): SearchRecord[] {
  const companyOf = new Map(content.sources.map((s) => [s.id, s.data.company]));
  const company = (sourceId: string) => companyOf.get(sourceId) ?? sourceId;
  const records: SearchRecord[] = [];

  for (const { data: speech } of content.speeches) {
    const paragraphs = [...speech.lead.paragraphs, ...speech.body.paragraphs];
    for (const p of paragraphs) {
      const part = p.id.startsWith('lead-') ? speech.lead.heading : speech.body.heading;
      records.push({
        route: `${routes.speech}#${p.id}`,
        title: `${speech.speaker[locale]} · ${part[locale]} ¶${p.id.replace(/^(lead-|p)/, '')}`,
        content: p[locale],
        filters: { kind: 'speech-paragraph', source: company(speech.source) },
      });
    }
  }
  for (const entry of content.cases) {
    const c = entry.data;
    records.push({
      route: routes.case(entry.id),
      title: c.title[locale],
      content: [c.text[locale], c.reading?.[locale]].filter(Boolean).join(' '),
      filters: { kind: 'case', source: company(c.source), level: String(c.level), verdict: c.verdict },
    });
  }
  for (const entry of content.rubrics) {
    const r = entry.data;
    for (const level of r.levels) {
      records.push({
        route: `${routes.rubric(entry.id)}#level-${level.level}`,
        title: `${r.title[locale]} · ${labels.level(level.level)}`,
        content: [level.statement, ...level.meaning, level.rule, level.halfPoint?.text, level.noCases]
          .filter((t) => t !== undefined)
          .map((t) => t[locale])
          .join(' '),
        filters: { kind: 'rubric-level', source: company(r.source), level: String(level.level) },
      });
    }
  }
  for (const entry of content.values) {
    const f = entry.data.featured;
    for (const s of f.statements) {
      records.push({
        route: `${routes.values}#${entry.id}-${s.id}`,
        title: `${entry.data.company[locale]} · ${f.name[locale]}`,
        content: s[locale],
        filters: { kind: 'value-statement', source: entry.id },
      });
    }
  }
  for (const entry of content.glossary) {
    const g = entry.data;
    records.push({
      route: `${routes.glossary}#${entry.id}`,
      title: `${g.term['zh-hant']} · ${g.term.en}`,
      content: g.definition[locale],
      filters: { kind: 'glossary-term', source: company(g.source) },
    });
  }
  for (const entry of content.sources) {
    const s = entry.data;
    records.push({
      route: `${routes.sources}#${entry.id}`,
      title: s.title?.[locale] ?? s.publisher[locale],
      content: [s.author?.[locale], s.publisher[locale], s.credit?.[locale], ...(s.fills ?? []).map((f) => f[locale])]
        .filter(Boolean)
        .join(' '),
      filters: { kind: 'source', source: s.company },
    });
  }
  return records;
}
