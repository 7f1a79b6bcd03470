/**
 * The domain's words, declared once. Schemas, the rubric model, saved data, search records and
 * the dictionaries' key types all derive from these lists.
 */

/** How a rubric level is earned: kept unless a case falls short, or won only with a case that meets it. */
export const evidenceRules = ['granted-unless-nonconforming', 'requires-conforming'] as const;
export type EvidenceRule = (typeof evidenceRules)[number];

/**
 * What a learner says about one level, by its evidence rule:
 * - granted unless non-conforming: `no-incident`, `incident`, or `mitigated-incident` (where the
 *   level has a half-point rule);
 * - requires a conforming case: `example` or `no-example`.
 */
export const answersByRule = {
  'granted-unless-nonconforming': ['no-incident', 'incident', 'mitigated-incident'],
  'requires-conforming': ['example', 'no-example'],
} as const satisfies Record<EvidenceRule, readonly string[]>;
export const levelAnswers = [...answersByRule['granted-unless-nonconforming'], ...answersByRule['requires-conforming']] as const;
export type LevelAnswer = (typeof levelAnswers)[number];

/** A rubric's levels run from 1 to this: the content schema caps them, saved data is checked against it. */
export const maxLevel = 5;

/** Whether a case meets the standard of its level. */
export const verdicts = ['meets', 'falls-short'] as const;
export type Verdict = (typeof verdicts)[number];

/** `source`: a case the source gives; `site-reading`: the site's own reading of the speech. */
export const caseOrigins = ['source', 'site-reading'] as const;
export type CaseOrigin = (typeof caseOrigins)[number];

/**
 * A case that is the site's reading of the speech stands apart from the sources' cases: it is put
 * up for discussion, listed and counted apart from the cases that meet or fall short, never graded.
 */
export const forDiscussion = 'for-discussion';
/** The search's source filter value of the site's readings (not the company whose words they read). */
export const siteReadingSource = 'site';

/** `seed`: a source document of the site; `gap-fill`: a public source that fills a gap in them. */
export const sourceKinds = ['seed', 'gap-fill'] as const;
export type SourceKind = (typeof sourceKinds)[number];

/** What a search result is. */
export const recordKinds = ['speech-paragraph', 'case', 'rubric-level', 'value-statement', 'glossary-term', 'source'] as const;
export type RecordKind = (typeof recordKinds)[number];

/** Speech paragraphs: `lead-N` in the news lead, `pN` in the speech itself. */
export const paragraphIdPattern = /^(?:lead-|p)(\d+)$/;

/** A paragraph's number within its part: "7" for p7, "2" for lead-2. */
export function paragraphNumber(id: string): string {
  const number = paragraphIdPattern.exec(id)?.[1];
  if (number === undefined) throw new Error(`"${id}" is not a paragraph id (p1, lead-1 …)`);
  return number;
}

/** How a paragraph is cited in running text: "¶7" for p7, "¶2" for lead-2. */
export function paragraphLabel(id: string): string {
  return `¶${paragraphNumber(id)}`;
}
