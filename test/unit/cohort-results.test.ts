/**
 * The results page's figures (src/lib/cohort-results.ts) from Moodle interactions exports of
 * simulated learners with known answers (test/support/moodle-export.ts, through the packages'
 * own report code), against a reference computed from those answers: facility, discrimination
 * and discriminative efficiency to 3 decimals, wrong answers, the level-confusion table, the
 * self-assessment, the scores; feedback talks; and every odd input the page must be honest about.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { alibaba, alibabaRules, fixtureCourse } from '../support/course';
import { moodleExport, simulateCohort, simulateTalks, type SimAttempt, type SimLearner } from '../support/moodle-export';
import { analyseFiles, cohortResults, decodeText, discrimination, mostCommonConfusion, parseRows, readExport, talkResults, type ResultsModel } from '../../src/lib/cohort-results';
import { isCorrect, type Course } from '../../src/lib/course';
import { openTalkFile, talkFrom } from '../../src/lib/feedback-talk';
import { resultsModelOf } from '../../src/lib/results-model';
import { savedVersion, type SelfAssessment } from '../../src/lib/saved-state';
import { fixtureProject } from '../support/content-files';

const course = fixtureCourse('en');
const rules = { [alibaba]: alibabaRules };
const model = resultsModelOf(course, rules, (id) => `/en/${id}/`);
const questions = course.quizzes.flatMap((q) => q.questions);
/** The 30-learner cohort of the committed fixtures: 2 never started, some retakes, some unfinished. */
const cohort = simulateCohort(course, rules, { learners: 30, seed: 23, notStarted: 2, retakes: 0.15, unfinished: 0.1 });
const fixtures = join(fixtureProject, 'moodle');

const read = (text: string, m: ResultsModel = model) => readExport(parseRows(text), m);
const analyse = (text: string, m: ResultsModel = model) => cohortResults(read(text, m).learners, m);

/** The reference: each learner's first attempt, marked against the key, statistics computed from sums (Pearson's form). */
function reference(learners: readonly SimLearner[]) {
  const firsts = learners.filter((l) => l.attempts.length).map((l) => l.attempts[0]!);
  const total = (a: SimAttempt) => questions.filter((q) => a.choices[q.id] && isCorrect(q, a.choices[q.id]!)).length;
  const pearson = (x: number[], y: number[]) => {
    const n = x.length;
    const sum = (v: number[]) => v.reduce((s, e) => s + e, 0);
    const sxy = sum(x.map((e, i) => e * y[i]!));
    const [sx, sy, sxx, syy] = [sum(x), sum(y), sum(x.map((e) => e * e)), sum(y.map((e) => e * e))];
    const sorted = (v: number[]) => [...v].sort((a, b) => a - b);
    const sxyMax = sum(sorted(x).map((e, i) => e * sorted(y)[i]!));
    return { index: (100 * (n * sxy - sx * sy)) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy)), efficiency: (100 * (n * sxy - sx * sy)) / (n * sxyMax - sx * sy) };
  };
  const perQuestion = new Map(
    questions.map((q) => {
      const answering = firsts.filter((a) => a.choices[q.id]);
      const x = answering.map((a) => (isCorrect(q, a.choices[q.id]!) ? 1 : 0));
      const y = answering.map((a, i) => total(a) - x[i]!);
      const wrong: Record<string, number> = {};
      for (const a of answering) if (!isCorrect(q, a.choices[q.id]!)) wrong[a.choices[q.id]!.join()] = (wrong[a.choices[q.id]!.join()] ?? 0) + 1;
      const { index, efficiency } = pearson(x, y);
      return [q.id, { answered: x.length, right: x.filter(Boolean).length, facility: x.filter(Boolean).length / x.length, discrimination: index, efficiency, wrong }];
    }),
  );
  const confusion = [1, 2, 3, 4, 5].map(() => [0, 0, 0, 0, 0]);
  for (const a of firsts) for (const q of questions) if (q.key.length === 2 && a.choices[q.id]) confusion[Number(q.key[0]) - 1]![Number(a.choices[q.id]![0]) - 1]!++;
  const finished = firsts.filter((a) => questions.every((q) => a.choices[q.id]));
  const bins = Array.from({ length: 10 }, () => 0);
  for (const a of finished) bins[Math.min(9, Math.floor((10 * total(a)) / questions.length))]!++;
  const self = [1, 2, 3, 4, 5].map((level) => {
    const counts: Record<string, number> = {};
    for (const a of firsts) counts[a.levels[alibaba]![level]!] = (counts[a.levels[alibaba]![level]!] ?? 0) + 1;
    return { level, counts };
  });
  return {
    learners: firsts.length,
    retakes: learners.reduce((n, l) => n + Math.max(0, l.attempts.length - 1), 0),
    perQuestion,
    confusion,
    bins,
    passed: finished.filter((a) => total(a) / questions.length >= course.passMark).length,
    unfinished: firsts.length - finished.length,
    self,
  };
}

const truth = reference(cohort);

describe('a 1.2 package’s export', () => {
  const text = moodleExport(course, '1.2', cohort);
  const results = analyse(text);

  test('the committed fixture is what the generator makes of the cohort', () => {
    expect(readFileSync(join(fixtures, 'interactions-1.2-30-learners.txt'), 'utf8')).toBe(text);
  });

  test('learners, first attempts, learners who never started', () => {
    const file = read(text);
    expect(file.problem).toBeUndefined();
    expect(file.notStarted).toBe(2);
    expect(file.versions).toEqual({ '1.2': truth.learners + truth.retakes, '2004': 0 });
    expect(file.unreadable).toEqual([]);
    expect(file.setApart).toEqual([]);
    expect(results.learners).toBe(30);
    expect(truth.retakes).toBeGreaterThan(0);
    expect(results.laterAttempts).toBe(truth.retakes);
  });

  test('facility, discrimination and discriminative efficiency equal the reference to 3 decimals', () => {
    expect(results.questions).toHaveLength(questions.length);
    for (const stats of results.questions) {
      const expected = truth.perQuestion.get(stats.question.id)!;
      expect(stats.answered, stats.question.id).toBe(expected.answered);
      expect(stats.right, stats.question.id).toBe(expected.right);
      expect(stats.facility!, stats.question.id).toBeCloseTo(expected.facility, 3);
      expect(stats.discrimination!, stats.question.id).toBeCloseTo(expected.discrimination, 3);
      expect(stats.efficiency!, stats.question.id).toBeCloseTo(expected.efficiency, 3);
      expect(Object.fromEntries(stats.wrong.map((w) => [w.choice.join(), w.count]))).toEqual(expected.wrong);
      expect(stats.wrongUnseen).toBe(0);
    }
  });

  test('weakest first', () => {
    const facilities = results.questions.map((q) => q.facility!);
    expect(facilities).toEqual([...facilities].sort((a, b) => a - b));
  });

  test('the level-confusion table counts every case answer once, by true and chosen level', () => {
    expect(results.confusion).toEqual([{ levels: [1, 2, 3, 4, 5], counts: truth.confusion }]);
    const off = truth.confusion.flatMap((row, i) => row.map((count, j) => ({ truth: i + 1, chosen: j + 1, count }))).filter((c) => c.truth !== c.chosen);
    expect(mostCommonConfusion(results.confusion[0]!)?.count).toBe(Math.max(...off.map((c) => c.count)));
  });

  test('the self-assessment and the scores against the pass mark', () => {
    expect(results.selfAssessment).toEqual([{ rubric: alibaba, levels: truth.self }]);
    expect(results.scores).toEqual({ bins: truth.bins, passMark: 0.8, passed: truth.passed, failed: truth.learners - truth.unfinished - truth.passed, unfinished: truth.unfinished });
    expect(truth.unfinished).toBeGreaterThan(0);
  });
});

describe('a 2004 package’s export', () => {
  const text = moodleExport(course, '2004', cohort);

  test('the committed fixture is what the generator makes of the cohort', () => {
    expect(readFileSync(join(fixtures, 'interactions-2004-30-learners.txt'), 'utf8')).toBe(text);
  });

  test('Moodle leaves Response empty: marks come from Result, figures still equal the reference, the choices are counted as unseen', () => {
    const file = read(text);
    expect(file.versions['2004']).toBe(truth.learners + truth.retakes);
    const answers = cohort.flatMap((l) => l.attempts).reduce((n, a) => n + Object.keys(a.choices).length + 5, 0);
    expect(file.withoutResponse).toBe(answers);
    expect(file.unreadable).toEqual([]);
    const results = cohortResults(file.learners, model);
    expect(results.selfAssessment[0]!.levels.every((l) => Object.keys(l.counts).length === 0)).toBe(true);
    for (const stats of results.questions) {
      const expected = truth.perQuestion.get(stats.question.id)!;
      expect(stats.facility!).toBeCloseTo(expected.facility, 3);
      expect(stats.discrimination!).toBeCloseTo(expected.discrimination, 3);
      expect(stats.wrong).toEqual([]);
      expect(stats.wrongUnseen).toBe(expected.answered - expected.right);
    }
    expect(results.confusion[0]!.counts.flat().every((n) => n === 0)).toBe(true);
  });
});

test('1.2 and 2004 mixed in one file: each row read in its own format, nothing lost', () => {
  const text = moodleExport(course, (n) => (n % 2 ? '2004' : '1.2'), cohort);
  const file = read(text);
  const rows = (odd: number) => cohort.filter((_, n) => n % 2 === odd).reduce((sum, l) => sum + l.attempts.length, 0);
  expect(file.versions).toEqual({ '1.2': rows(0), '2004': rows(1) });
  const results = cohortResults(file.learners, model);
  for (const stats of results.questions) expect(stats.facility!).toBeCloseTo(truth.perQuestion.get(stats.question.id)!.facility, 3);
});

test('the same columns as CSV, with a BOM, in UTF-16 or in the locale’s legacy encoding', () => {
  const expected = analyse(moodleExport(course, '1.2', cohort));
  const csv = moodleExport(course, '1.2', cohort, { delimiter: ',' });
  const utf8 = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)]), 'big5');
  expect(utf8).toMatchObject({ encoding: 'utf-8', guessed: false });
  expect(analyse(utf8.text)).toEqual(expected);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
  expect(analyse(decodeText(new Uint8Array(utf16), 'big5').text)).toEqual(expected);
  // A name in Latin-1 bytes is not UTF-8: read in the fallback, said so, and the answers unaffected.
  const latin = Buffer.from(csv.replace('Learner 0001', 'José Martín'), 'latin1');
  const legacy = decodeText(new Uint8Array(latin), 'windows-1252');
  expect(legacy).toMatchObject({ encoding: 'windows-1252', guessed: true });
  expect(legacy.text).toContain('José Martín');
  expect(analyse(legacy.text).questions).toEqual(expected.questions);
});

describe('missing columns', () => {
  const rows = parseRows(moodleExport(course, '1.2', cohort));
  const without = (pattern: RegExp) => {
    const keep = rows[0]!.map((label, i) => (pattern.test(label) ? -1 : i)).filter((i) => i >= 0);
    return rows.map((row) => keep.map((i) => row[i]!));
  };

  test('no "Question N" columns (Moodle hides them by default): nothing can be placed, and the file says so', () => {
    const file = readExport(without(/^Question /), model);
    expect(file.problem).toBe('no-question-column');
    expect(file.learners).toEqual([]);
  });

  test('no Response and no Result: nothing can be marked', () => {
    expect(readExport(without(/^(Response|Result) /), model).problem).toBe('no-answer-column');
  });

  test('Moodle’s default with the questions shown (Response only): marked against the key, the same figures', () => {
    const file = readExport(without(/^(Right answer|Result) /), model);
    expect(file.missing).toEqual(['Right answer 0', 'Result 0']);
    expect(cohortResults(file.learners, model)).toEqual(analyse(moodleExport(course, '1.2', cohort)));
  });

  test('no Attempt column: each row is taken as a learner, and the missing column is named', () => {
    const file = readExport(without(/^Attempt$/), model);
    expect(file.missing).toEqual(['Attempt']);
    expect(file.notStarted).toBe(0);
    expect(file.learners.length).toBe(truth.learners + truth.retakes + 2);
  });
});

test('another course’s export: not this course, its ids listed apart', () => {
  const other = moodleExport(course, '1.2', cohort).replaceAll('alibaba_customer_first.', 'team_safety.');
  const file = read(other);
  expect(file.problem).toBe('not-this-course');
  expect(file.learners).toEqual([]);
  expect(file.setApart.length).toBeGreaterThan(0);
  expect(file.setApart.every((s) => s.kind === 'other' && s.id.startsWith('team_safety.'))).toBe(true);
});

test('an older version of the course: a retired question listed apart, never merged; a changed key counted', () => {
  const [quiz] = course.quizzes;
  const changed = quiz!.questions[0]!;
  const older: Course = {
    ...course,
    quizzes: [
      {
        ...quiz!,
        questions: [
          { ...changed, key: changed.key[1] === 'meets' ? [changed.key[0]!, 'falls-short'] : [changed.key[0]!, 'meets'] },
          ...quiz!.questions.slice(1),
          { id: 'case-alibaba-l2-retired-case', key: ['2', 'meets'], title: 'Retired', level: 2 },
        ],
      },
    ],
  };
  const learners = simulateCohort(older, rules, { learners: 30, seed: 7 });
  const file = read(moodleExport(older, '1.2', learners));
  const answeredRetired = learners.filter((l) => l.attempts[0]!.choices['case-alibaba-l2-retired-case']).length;
  expect(file.setApart).toEqual([{ id: 'alibaba_customer_first.case_alibaba_l2_retired_case', answers: answeredRetired, kind: 'retired' }]);
  expect(file.keyChanged).toBe(learners.filter((l) => l.attempts[0]!.choices[changed.id]).length);
  const results = cohortResults(file.learners, model);
  expect(results.questions.map((q) => q.question.id).sort()).toEqual(questions.map((q) => q.id).sort());
  const stats = results.questions.find((q) => q.question.id === changed.id)!;
  const answers = learners.map((l) => l.attempts[0]!.choices[changed.id]).filter((c) => c !== undefined);
  expect(stats.right).toBe(answers.filter((c) => isCorrect(changed, c)).length);
});

test('cells that cannot be read are listed by row and column, and not counted', () => {
  const text = moodleExport(course, '1.2', cohort.slice(0, 3));
  const rows = parseRows(text);
  const column = rows[0]!.indexOf('Response 0');
  const id = rows[1]![column - 1]!;
  rows[1]![column] = '3,meets,extra';
  const file = readExport(rows, model);
  expect(file.unreadable).toEqual([{ row: 2, column: 'Response 0', value: '3,meets,extra' }]);
  const results = cohortResults(file.learners, model);
  const question = model.rubrics[0]!.questions.find((q) => q.interaction === id);
  if (question) expect(results.questions.find((q) => q.question.id === question.id)!.answered).toBe(cohort.slice(0, 3).filter((l) => l.attempts[0]?.choices[question.id]).length - 1);
});

test('2,000 learners are read and analysed quickly', () => {
  // 100 simulated learners, each row repeated under 20 names.
  const [header, ...lines] = moodleExport(course, '1.2', simulateCohort(course, rules, { learners: 100, seed: 99, unfinished: 0.1 })).split('\n');
  const text = [header, ...Array.from({ length: 20 }, (_, copy) => lines.filter(Boolean).map((line) => line.replace('"Learner ', `"Learner ${copy}-`)))].flat().join('\n');
  const started = performance.now();
  const results = analyse(text);
  const took = performance.now() - started;
  expect(results.learners).toBe(2000);
  expect(took).toBeLessThan(3000);
});

test('discrimination and efficiency on a hand-computed example (Moodle’s calculator)', () => {
  // x = [1, 1, 0, 0], y = [3, 2, 1, 0]: cov = 2/3, var x = 1/3, var y = 5/3, sorted cov = 2/3.
  const { index, efficiency } = discrimination([1, 1, 0, 0], [3, 2, 1, 0]);
  expect(index!).toBeCloseTo((100 * (2 / 3)) / Math.sqrt((1 / 3) * (5 / 3)), 6);
  expect(efficiency!).toBeCloseTo(100, 6);
  expect(discrimination([1], [2])).toEqual({ index: undefined, efficiency: undefined });
  expect(discrimination([1, 1, 1], [2, 3, 4]).index).toBeUndefined();
});

test('20 feedback-talk files: self, manager and agreed counted per level, and where the sides differ', () => {
  const talks = simulateTalks(alibaba, alibabaRules, 20, 20);
  const opened = talks.map((t) => openTalkFile(JSON.parse(JSON.stringify(t)), alibaba, alibabaRules));
  expect(opened.every((o) => o.ok)).toBe(true);
  const results = talkResults(opened.map((o) => (o.ok ? o.talk : undefined!)), alibabaRules);
  for (const level of results) {
    const l = level.level;
    const count = (side: 'self' | 'manager' | 'agreed') => {
      const counts: Record<string, number> = {};
      for (const t of talks) if (t[side].answers[l]) counts[t[side].answers[l]!] = (counts[t[side].answers[l]!] ?? 0) + 1;
      return counts;
    };
    expect(level.counts).toEqual({ self: count('self'), manager: count('manager'), agreed: count('agreed') });
    expect(level.both).toBe(20);
    expect(level.differ).toBe(talks.filter((t) => t.self.answers[l] !== t.manager.answers[l]).length);
  }
  expect(results.reduce((n, l) => n + l.differ, 0)).toBeGreaterThan(0);
});

test('files opened together: exports and feedback talks told apart, a bad file named, figures over all of them', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const half = (odd: number) => cohort.filter((_, n) => n % 2 === odd);
  const talk: SelfAssessment = { version: savedVersion, rubric: alibaba, answers: { 1: 'no-incident' }, notes: {}, name: 'E', period: '' };
  const analysis = analyseFiles(
    [
      { name: 'cohort-a.txt', bytes: bytes(moodleExport(course, '1.2', half(0))) },
      { name: 'cohort-b.csv', bytes: bytes(moodleExport(course, '2004', half(1), { delimiter: ',' })) },
      { name: 'self.json', bytes: bytes(JSON.stringify(talk)) },
      { name: 'broken.json', bytes: bytes('{"version": 1,') },
      { name: 'newer.json', bytes: bytes(JSON.stringify({ ...talk, version: savedVersion + 1 })) },
      { name: 'notes.txt', bytes: bytes('just some notes\n') },
      { name: 'report.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]) },
    ],
    model,
    'windows-1252',
  );
  expect(analysis.files.map((f) => [f.name, f.kind, 'problem' in f ? f.problem : undefined])).toEqual([
    ['cohort-a.txt', 'export', undefined],
    ['cohort-b.csv', 'export', undefined],
    ['self.json', 'talk', undefined],
    ['broken.json', 'talk', 'unreadable'],
    ['newer.json', 'talk', 'newer-version'],
    ['notes.txt', 'export', 'no-question-column'],
    ['report.xlsx', 'export', 'spreadsheet'],
  ]);
  expect(analysis.cohort!.learners).toBe(30);
  for (const stats of analysis.cohort!.questions) expect(stats.facility!).toBeCloseTo(truth.perQuestion.get(stats.question.id)!.facility, 3);
  expect(analysis.talks).toEqual([{ rubric: alibaba, count: 1, levels: talkResults([talkFrom(talk)], alibabaRules) }]);
});
