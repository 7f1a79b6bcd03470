/**
 * The strictest data-model rules documented for the LMSs companies use, each with where it comes
 * from, as data (regular expressions as source text) so the same rules run here (unit tests) and
 * in the test LMS page (test/fixtures/lms/lms.js, "Moodle-strict" mode).
 *
 * Sources:
 * - Moodle 4.5 `mod/scorm/datamodels/scorm_13.js` (SCORM 2004): `CMIShortIdentifier`
 *   `^[\w.]{1,250}$` on every node of `choice`/`likert` `learner_response` and
 *   `correct_responses.n.pattern` (`choice`: at most 36 nodes joined by `[,]`, each once),
 *   `CMILongIdentifier` for interaction ids, `CMILangString250` for descriptions, `CMIDecimal`
 *   `^-?([0-9]{1,5})(\.[0-9]{1,18})?$` (with ranges: scaled -1..1, progress 0..1), `CMITimespan`,
 *   `CMIResult`, `CMIType`, `CMICStatus`, `CMISStatus`, `CMIExit`, `CMIString1000` (location),
 *   `CMIString64000` (suspend data). A format mismatch is error 406, a value out of range 407.
 * - Moodle 4.5 `mod/scorm/datamodels/scorm_12.js` (SCORM 1.2): `CMIIdentifier`
 *   `^[\u0021-\u007E]{0,255}$`, `CMIDecimal` `^-?([0-9]{0,3})(\.[0-9]*)?$` with the score range
 *   0..100, `CMITimespan` `^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$`, `CMIStatus`,
 *   `CMIExit`, `CMIResult`; `CMIString256`/`CMIString4096` as `mod/scorm/player.php` sets them
 *   with "SCORM 1.2 standard mode" on (`^[\u0000-\uFFFF]{0,255}$`, `{0,4096}`) for
 *   `lesson_location`, `student_response`, `correct_responses.n.pattern` and `suspend_data`.
 * - Older runtimes and SCORM Driver (Rustici's content-side wrapper, which many authoring tools
 *   ship) take identifiers of word characters only: ids, responses and patterns in
 *   `[A-Za-z0-9_.]` in both versions, so that the LMS's reports read alike.
 */
import type { ScormVersion } from '../../src/lib/scorm/course';
import type { CmiValue } from '../../src/lib/scorm/report';

export interface StrictRule {
  /** The elements it applies to (source of a regular expression over the element's name). */
  element: string;
  /** Only for interactions of these types (learner_response and patterns depend on the type). */
  types?: readonly string[];
  /** The whole value: Moodle's test (`value.match(format)` with something matched, or an empty value). */
  format?: string;
  /** Each node of the value, split by `delimiter` (or the whole value as one node). */
  node?: string;
  delimiter?: string;
  /** At most this many nodes. */
  max?: number;
  /** No node twice. */
  unique?: boolean;
  /** The number's range, inclusive (error 407 outside). */
  range?: readonly [number, number];
  source: string;
}

const m13 = 'Moodle 4.5 mod/scorm/datamodels/scorm_13.js';
const m12 = 'Moodle 4.5 mod/scorm/datamodels/scorm_12.js';
const driver = 'older runtimes / SCORM Driver: identifiers of [A-Za-z0-9_.] only';

const shortIdentifier = '^[\\w.]{1,250}$';
const wordIdentifier = '^[A-Za-z0-9_.]{1,250}$';
const interaction = (part: string) => `^cmi\\.interactions\\.\\d+\\.${part}$`;

export const strictRules: Record<ScormVersion, readonly StrictRule[]> = {
  '2004': [
    { element: interaction('id'), format: '^(?:(?!urn:)\\S{1,4000}|urn:[A-Za-z0-9-]{1,31}:\\S{1,4000})$', source: `${m13} CMILongIdentifier` },
    { element: interaction('id'), format: wordIdentifier, source: driver },
    { element: interaction('type'), format: '^true-false$|^choice$|^(long-)?fill-in$|^matching$|^performance$|^sequencing$|^likert$|^numeric$|^other$', source: `${m13} CMIType` },
    {
      element: interaction('description'),
      format: '^(\\{lang=([a-zA-Z]{2,3}|i|x)(\\-[a-zA-Z0-9\\-]{2,8})?\\})?([^\\{].{0,250}$)?',
      source: `${m13} CMILangString250`,
    },
    { element: interaction('learner_response'), types: ['choice'], node: shortIdentifier, delimiter: '[,]', max: 36, unique: true, source: `${m13} learner_response.choice: CMIShortIdentifier, 36 nodes, unique` },
    { element: interaction('learner_response'), types: ['likert'], node: shortIdentifier, max: 1, source: `${m13} learner_response.likert: CMIShortIdentifier` },
    { element: interaction('correct_responses\\.\\d+\\.pattern'), types: ['choice'], node: shortIdentifier, delimiter: '[,]', max: 36, unique: true, source: `${m13} correct_responses.choice: CMIShortIdentifier, 36 nodes, unique` },
    { element: interaction('correct_responses\\.\\d+\\.pattern'), types: ['likert'], node: shortIdentifier, max: 1, source: `${m13} correct_responses.likert: CMIShortIdentifier` },
    { element: interaction('(learner_response|correct_responses\\.\\d+\\.pattern)'), node: wordIdentifier, delimiter: '[,]', source: driver },
    { element: interaction('result'), format: '^correct$|^incorrect$|^unanticipated$|^neutral$|^-?([0-9]{1,4})(\\.[0-9]{1,18})?$', source: `${m13} CMIResult` },
    { element: '^cmi\\.completion_status$', format: '^completed$|^incomplete$|^not attempted$|^unknown$', source: `${m13} CMICStatus` },
    { element: '^cmi\\.success_status$', format: '^passed$|^failed$|^unknown$', source: `${m13} CMISStatus` },
    { element: '^cmi\\.exit$', format: '^time-out$|^suspend$|^logout$|^normal$|^$', source: `${m13} CMIExit` },
    { element: '^cmi\\.progress_measure$', format: '^-?([0-9]{1,5})(\\.[0-9]{1,18})?$', range: [0, 1], source: `${m13} CMIDecimal, progress_range 0#1` },
    { element: '^cmi\\.score\\.scaled$', format: '^-?([0-9]{1,5})(\\.[0-9]{1,18})?$', range: [-1, 1], source: `${m13} CMIDecimal, scaled_range -1#1` },
    { element: '^cmi\\.score\\.(raw|min|max)$', format: '^-?([0-9]{1,5})(\\.[0-9]{1,18})?$', source: `${m13} CMIDecimal` },
    { element: '^cmi\\.location$', format: '^[\\u0000-\\uFFFF]{0,1000}$', source: `${m13} CMIString1000` },
    { element: '^cmi\\.suspend_data$', format: '^[\\u0000-\\uFFFF]{0,64000}$', source: `${m13} CMIString64000` },
    {
      element: '^cmi\\.session_time$',
      format: '^P(\\d+Y)?(\\d+M)?(\\d+D)?(T(((\\d+H)(\\d+M)?(\\d+(\\.\\d{1,2})?S)?)|((\\d+M)(\\d+(\\.\\d{1,2})?S)?)|((\\d+(\\.\\d{1,2})?S))))?$',
      source: `${m13} CMITimespan`,
    },
  ],
  '1.2': [
    { element: interaction('id'), format: '^[\\u0021-\\u007E]{0,255}$', source: `${m12} CMIIdentifier` },
    { element: interaction('id'), format: wordIdentifier, source: driver },
    { element: interaction('type'), format: '^true-false$|^choice$|^fill-in$|^matching$|^performance$|^sequencing$|^likert$|^numeric$', source: `${m12} CMIType` },
    { element: interaction('(student_response|correct_responses\\.\\d+\\.pattern)'), format: '^[\\u0000-\\uFFFF]{0,255}$', source: `${m12} CMIFeedback = CMIString256 (standard mode)` },
    { element: interaction('(student_response|correct_responses\\.\\d+\\.pattern)'), node: wordIdentifier, delimiter: ',', source: driver },
    { element: interaction('result'), format: '^correct$|^wrong$|^unanticipated$|^neutral$|^([0-9]{0,3})?(\\.[0-9]*)?$', source: `${m12} CMIResult` },
    { element: '^cmi\\.core\\.lesson_status$', format: '^passed$|^completed$|^failed$|^incomplete$|^browsed$', source: `${m12} CMIStatus` },
    { element: '^cmi\\.core\\.exit$', format: '^time-out$|^suspend$|^logout$|^$', source: `${m12} CMIExit` },
    { element: '^cmi\\.core\\.score\\.(raw|min|max)$', format: '^-?([0-9]{0,3})(\\.[0-9]*)?$', range: [0, 100], source: `${m12} CMIDecimal, score_range 0#100` },
    { element: '^cmi\\.core\\.lesson_location$', format: '^[\\u0000-\\uFFFF]{0,255}$', source: `${m12} CMIString256 (standard mode)` },
    { element: '^cmi\\.suspend_data$', format: '^[\\u0000-\\uFFFF]{0,4096}$', source: `${m12} CMIString4096 (standard mode)` },
    { element: '^cmi\\.core\\.session_time$', format: '^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\\.[0-9]{1,2})?$', source: `${m12} CMITimespan` },
  ],
};

/** Why `rule` refuses `value` (with the error code an LMS gives), or undefined when it takes it. */
export function breaks(rule: StrictRule, value: string): string | undefined {
  if (rule.format !== undefined) {
    const matches = value.match(new RegExp(rule.format));
    if (!matches || (matches.join('').length === 0 && value.length > 0)) return '406';
  }
  if (rule.node !== undefined) {
    const nodes = rule.delimiter ? value.split(rule.delimiter) : [value];
    if (rule.max !== undefined && nodes.length > rule.max) return '351';
    const pattern = new RegExp(rule.node);
    if (nodes.some((n) => !pattern.test(n))) return '406';
    if (rule.unique && new Set(nodes).size !== nodes.length) return '406';
  }
  if (rule.range) {
    const n = Number(value);
    if (!(n >= rule.range[0] && n <= rule.range[1])) return '407';
  }
  return undefined;
}

/**
 * The values of `values` (set in order) that a rule refuses, each as `element=value: source (code)`;
 * an element no rule speaks for is reported too, so nothing passes unchecked.
 */
export function strictRefusals(version: ScormVersion, values: readonly CmiValue[]): string[] {
  const types = new Map<string, string>();
  const refused: string[] = [];
  for (const [element, value] of values) {
    const at = /^cmi\.interactions\.(\d+)\./.exec(element)?.[1];
    const rules = strictRules[version].filter((r) => new RegExp(r.element).test(element) && (!r.types || (at !== undefined && r.types.includes(types.get(at) ?? ''))));
    if (rules.length === 0) refused.push(`${element}=${value}: no rule`);
    // A response or pattern before its interaction's type: Moodle cannot check it, and refuses it (408).
    if (at !== undefined && /\.(learner_response|student_response|pattern)$/.test(element) && !types.has(at)) refused.push(`${element}=${value}: set before its type (408)`);
    for (const rule of rules) {
      const code = breaks(rule, value);
      if (code) refused.push(`${element}=${value}: ${rule.source} (${code})`);
    }
    if (at !== undefined && element.endsWith('.type')) types.set(at, value);
  }
  return refused;
}
