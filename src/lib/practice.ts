/**
 * Scoring practice, dealt in the browser: one employee's record of 2–4 of the sources' cases (never
 * the site's readings), some mitigated where the level allows a half point, scored by the rubric
 * model itself. An outcome (where the chain stops, and how) is drawn first, evenly among those the
 * cases can give, then a record that gives it, so every score and stopping level comes up; the
 * score is then computed, never assumed. Practice is never part of the graded quiz.
 */
import { answersFromRecord, type QuizCase, type RecordItem } from './quiz';
import { scoreRubric, type LevelRule, type ScoreResult } from './rubric-model';

export interface Practice {
  record: RecordItem[];
  result: ScoreResult;
  /** The record's own words: two deals with one key are the same scenario. */
  key: string;
}

/** An outcome to aim at: the chain stops at `stop` (a half point there when `half`), or never (`stop` 0). */
interface Target {
  stop: number;
  half: boolean;
}

/** A record of 2–4 cases that gives `target`, or undefined when the cases cannot give it. */
function recordFor(cases: readonly QuizCase[], levels: readonly LevelRule[], { stop, half }: Target, random: () => number): RecordItem[] | undefined {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const required: RecordItem[] = [];
  const optional: RecordItem[] = [];
  for (const rule of levels) {
    const here = cases.filter((c) => c.level === rule.level);
    const meets = here.filter((c) => c.verdict === 'meets');
    const short = here.filter((c) => c.verdict === 'falls-short');
    const item = (c: QuizCase, mitigated = c.verdict === 'falls-short' && !!rule.halfPoint && random() < 0.5) => ({ caseId: c.id, mitigated });
    const conforming = rule.evidence === 'requires-conforming';
    if (stop && rule.level > stop) optional.push(...here.map((c) => item(c)));
    else if (rule.level !== stop) {
      // Passed: a case that meets it, where the level needs one; no case that falls short, where one would fail it.
      const needed = conforming ? pick(meets) : undefined;
      if (conforming && !needed) return;
      if (needed) required.push(item(needed));
      optional.push(...(conforming ? here.filter((c) => c !== needed) : meets).map((c) => item(c)));
    } else if (conforming) {
      // Stopped by the want of a conforming case: only cases that fall short of it.
      if (half) return;
      optional.push(...short.map((c) => item(c)));
    } else {
      // Stopped by a case that falls short: for the half point every one mitigated, otherwise the first not.
      const incident = pick(short);
      if (!incident || (half && !rule.halfPoint)) return;
      required.push(item(incident, half));
      optional.push(...meets.map((c) => item(c)), ...short.filter((c) => c !== incident).map((c) => item(c, half || undefined)));
    }
  }
  const size = Math.min(Math.max(required.length, 2 + Math.floor(random() * 3)), required.length + optional.length);
  if (size < 2 || size > 4) return;
  const extra = [...optional];
  const record = [...required];
  while (record.length < size) record.push(extra.splice(Math.floor(random() * extra.length), 1)[0]!);
  const levelOf = new Map(cases.map((c) => [c.id, c.level]));
  return record.sort((a, b) => levelOf.get(a.caseId)! - levelOf.get(b.caseId)! || (a.caseId < b.caseId ? -1 : 1));
}

/**
 * A new practice scenario from the rubric's `cases` (only those from the sources are used) and
 * `levels`, never the one whose key is `last`. Throws when the cases give no scenario at all.
 */
export function dealPractice(cases: readonly QuizCase[], levels: readonly LevelRule[], random: () => number, last?: string): Practice {
  const sources = cases.filter((c) => c.origin === 'source');
  const targets: Target[] = [{ stop: 0, half: false }, ...levels.flatMap((l) => [{ stop: l.level, half: false }, ...(l.halfPoint ? [{ stop: l.level, half: true }] : [])])];
  for (let tries = 0; tries < 200; tries++) {
    const record = recordFor(sources, levels, targets[Math.floor(random() * targets.length)]!, random);
    const key = record?.map((r) => `${r.caseId}${r.mitigated ? '~mitigated' : ''}`).join(' ');
    if (record && key !== last) return { record, key: key!, result: scoreRubric(levels, answersFromRecord(record, sources, levels)) };
  }
  throw new Error('these cases give no practice scenario');
}
