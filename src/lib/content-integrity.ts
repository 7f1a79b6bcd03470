/**
 * Checks what a schema cannot see alone: that entries refer to entries that exist (sources,
 * rubric levels, speech paragraphs, themes) and that every guide page exists in every locale.
 * Each problem names the file and the field, so a trainer can fix it without reading code.
 */
import type { z } from 'astro/zod';
import type { CollectionName, contentSchemas } from '../schemas/content';
import { sourceLocales } from './i18n/locales';

export interface Entry<T> {
  id: string;
  filePath?: string | undefined;
  /** The raw text of a Markdown or MDX entry. */
  body?: string | undefined;
  data: T;
}

/** Every collection's entries, as the content layer gives them. */
export type ContentSnapshot = { [Name in CollectionName]: Entry<z.output<(typeof contentSchemas)[Name]>>[] };

export class ContentIntegrityError extends Error {
  constructor(readonly problems: string[]) {
    super(`Content has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentIntegrityError';
  }
}

/** Returns every problem found; an empty list means the content hangs together. */
export function findIntegrityProblems(content: ContentSnapshot): string[] {
  const problems: string[] = [];
  const where = (entry: Entry<unknown>, field: string) => `${entry.filePath ?? entry.id}: ${field}`;
  const ids = (entries: Entry<unknown>[]) => new Set(entries.map((e) => e.id));
  const sourceIds = ids(content.sources);
  const themeIds = ids(content.themes);
  const rubricsById = new Map(content.rubrics.map((r) => [r.id, r]));
  const valueIds = ids(content.values);

  const checkSource = (entry: Entry<unknown>, field: string, id: string | undefined) => {
    if (id !== undefined && !sourceIds.has(id)) problems.push(`${where(entry, field)}: unknown source "${id}"`);
  };
  /** Paragraph ids of the speech published by `source`. */
  const paragraphsOf = (source: string) => {
    const speech = content.speeches.find((s) => s.data.source === source);
    return speech
      ? new Set([...speech.data.lead.paragraphs, ...speech.data.body.paragraphs].map((p) => p.id))
      : undefined;
  };
  const checkParagraph = (entry: Entry<unknown>, field: string, source: string, paragraph: string) => {
    const known = paragraphsOf(source);
    if (!known) problems.push(`${where(entry, field)}: source "${source}" has no speech to hold paragraph "${paragraph}"`);
    else if (!known.has(paragraph)) problems.push(`${where(entry, field)}: no paragraph "${paragraph}" in the speech`);
  };
  /** Ids must be unique across all the lists given, as [field, list] pairs. */
  const checkUnique = (entry: Entry<unknown>, lists: [string, { id: string }[]][]) => {
    const seen = new Set<string>();
    for (const [field, list] of lists) {
      list.forEach((item, i) => {
        if (seen.has(item.id)) problems.push(`${where(entry, `${field}.${i}.id`)}: duplicate id "${item.id}"`);
        seen.add(item.id);
      });
    }
  };

  for (const source of content.sources) {
    if (!valueIds.has(source.data.company)) {
      problems.push(`${where(source, 'company')}: unknown company "${source.data.company}" (a file in content/values/)`);
    }
  }
  for (const speech of content.speeches) {
    checkSource(speech, 'source', speech.data.source);
    checkUnique(speech, [
      ['lead.paragraphs', speech.data.lead.paragraphs],
      ['body.paragraphs', speech.data.body.paragraphs],
    ]);
  }
  for (const value of content.values) {
    value.data.values.sources.forEach((s, i) => checkSource(value, `values.sources.${i}`, s));
    const featured = value.data.featured;
    checkSource(value, 'featured.source', featured.source);
    if (featured.rubric && !rubricsById.has(featured.rubric)) {
      problems.push(`${where(value, 'featured.rubric')}: unknown rubric "${featured.rubric}"`);
    }
    checkUnique(value, [['featured.statements', featured.statements]]);
    featured.statements.forEach((s, i) => {
      if (s.paragraph) checkParagraph(value, `featured.statements.${i}.paragraph`, featured.source, s.paragraph);
    });
  }
  for (const rubric of content.rubrics) {
    const r = rubric.data;
    if (!valueIds.has(r.value)) problems.push(`${where(rubric, 'value')}: unknown values file "${r.value}"`);
    checkSource(rubric, 'source', r.source);
    checkSource(rubric, 'combination.source', r.combination.source);
    checkSource(rubric, 'weight.source', r.weight.source);
    checkSource(rubric, 'process.source', r.process.source);
    r.levels.forEach((l, i) => checkSource(rubric, `levels.${i}.statementSource`, l.statementSource));
  }
  const positions = new Map<string, string>();
  for (const entry of content.cases) {
    const c = entry.data;
    checkSource(entry, 'source', c.source);
    const rubric = rubricsById.get(c.rubric);
    if (!rubric) problems.push(`${where(entry, 'rubric')}: unknown rubric "${c.rubric}"`);
    else if (!rubric.data.levels.some((l) => l.level === c.level)) {
      problems.push(`${where(entry, 'level')}: rubric "${c.rubric}" has no level ${c.level}`);
    }
    c.themes.forEach((t, i) => {
      if (!themeIds.has(t)) problems.push(`${where(entry, `themes.${i}`)}: unknown theme "${t}" (see content/themes.yaml)`);
    });
    c.paragraphs?.forEach((p, i) => checkParagraph(entry, `paragraphs.${i}`, c.source, p));
    if (c.position !== undefined) {
      const list = `${c.rubric} ${c.level} ${c.verdict} ${c.position}`;
      const other = positions.get(list);
      if (other) problems.push(`${where(entry, 'position')}: position ${c.position} is already that of ${other} in the same list (level ${c.level}, ${c.verdict})`);
      positions.set(list, entry.filePath ?? entry.id);
    }
  }
  // One English rendering per term: two terms rendered alike would read as one term with two meanings.
  const renderings = new Map<string, string>();
  for (const term of content.glossary) {
    const english = term.data.term.en.trim().toLowerCase();
    const other = renderings.get(english);
    if (other) problems.push(`${where(term, 'term.en')}: "${term.data.term.en}" is already the English rendering of ${other}; each term has its own`);
    renderings.set(english, term.filePath ?? term.id);
  }
  for (const term of content.glossary) {
    checkSource(term, 'source', term.data.source);
    if (term.data.paragraph) checkParagraph(term, 'paragraph', term.data.source, term.data.paragraph);
  }
  const pagesByLocale = new Map<string, Set<string>>(sourceLocales.map((l) => [l, new Set()]));
  for (const page of content.pages) {
    const folder = page.id.split('/')[0] ?? '';
    const set = pagesByLocale.get(folder);
    if (!set) problems.push(`${where(page, 'folder')}: "${folder}" is not a folder of written pages (${sourceLocales.join(', ')})`);
    else if (set.has(page.data.page)) problems.push(`${where(page, 'page')}: duplicate page id "${page.data.page}"`);
    else set.add(page.data.page);
  }
  for (const page of content.pages) problems.push(...embedProblems(page, content));
  const allPages = new Set([...pagesByLocale.values()].flatMap((s) => [...s]));
  for (const id of allPages) {
    for (const [locale, set] of pagesByLocale) {
      if (!set.has(id)) problems.push(`content/pages/${locale}: page "${id}" is missing in this locale`);
    }
  }
  return problems;
}

/** The attributes of each `<Name …>` tag in MDX source, as raw strings (`{1}` gives "1"). */
function embeds(body: string, name: string): { line: number; attributes: Map<string, string> }[] {
  const found: { line: number; attributes: Map<string, string> }[] = [];
  for (const tag of body.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'g'))) {
    const attributes = new Map(
      [...tag[1]!.matchAll(/([\w-]+)=(?:"([^"]*)"|'([^']*)'|\{([^}]*)\})/g)].map((a) => [a[1]!, (a[2] ?? a[3] ?? a[4] ?? '').trim()]),
    );
    found.push({ line: body.slice(0, tag.index).split('\n').length, attributes });
  }
  return found;
}

/** Components a guide page embeds must name cases, rubrics and levels that exist. */
function embedProblems(page: Entry<unknown>, content: ContentSnapshot): string[] {
  const caseIds = new Set(content.cases.map((c) => c.id));
  const rubrics = new Map(content.rubrics.map((r) => [r.id, r]));
  const problems: string[] = [];
  const at = (line: number) => `${page.filePath ?? page.id}: line ${line}`;
  for (const { line, attributes } of embeds(page.body ?? '', 'CaseCard')) {
    const id = attributes.get('id');
    if (!id || !caseIds.has(id)) problems.push(`${at(line)}: <CaseCard> names unknown case "${id ?? ''}"`);
  }
  const quizzes = new Set<string>();
  for (const { line, attributes } of embeds(page.body ?? '', 'CaseQuiz')) {
    const rubricId = attributes.get('rubric');
    const level = attributes.get('level');
    const rubric = rubricId === undefined ? undefined : rubrics.get(rubricId);
    if (rubricId === undefined) problems.push(`${at(line)}: <CaseQuiz> must name its rubric, e.g. rubric="${[...rubrics.keys()][0] ?? 'id'}"`);
    else if (!rubric) problems.push(`${at(line)}: <CaseQuiz> names unknown rubric "${rubricId}"`);
    else if (level !== undefined && !rubric.data.levels.some((l) => String(l.level) === level)) {
      problems.push(`${at(line)}: <CaseQuiz> names level ${level}, which rubric "${rubricId}" lacks`);
    }
    const key = `${rubricId} ${level ?? ''}`;
    if (quizzes.has(key)) problems.push(`${at(line)}: a second <CaseQuiz> of the same rubric and level on one page would share its saved progress`);
    quizzes.add(key);
  }
  return problems;
}

export function assertContentIntegrity(content: ContentSnapshot): void {
  const problems = findIntegrityProblems(content);
  if (problems.length) throw new ContentIntegrityError(problems);
}
