/**
 * Enhances <cohort-results>: the files a trainer picks or drops are read by a worker
 * (results-worker.ts, so 2,000 learners do not freeze the page) and nothing leaves the browser;
 * the figures come back and are written here, each chart (inline SVG, hidden from screen readers
 * and from print) above a table with the same numbers. Text from files is only ever set as text.
 */
import type { Analysis, CohortResults, Confusion, FileReport, QuestionStats, ResultsModel, Side, TalkLevel } from '../../lib/cohort-results';
import type { Dictionary } from '../../lib/i18n/dictionary';
import { fill, fillPlural, type Plural } from '../../lib/template';
import type { LevelAnswer, Verdict } from '../../lib/vocabulary';
import { Island } from '../island';
import type { cohortResults } from './contract';

/** What CohortResults.astro writes into data-config. */
export interface CohortResultsConfig {
  model: ResultsModel;
  lang: string;
  /** The encoding a file that is not UTF-8 is read in (src/lib/cohort-results.ts legacyEncoding). */
  fallbackEncoding: string;
  texts: Dictionary['results']['script'];
  levelNames: Record<string, string>;
  answers: Record<LevelAnswer, string>;
  verdicts: Record<Verdict, string>;
  /** The review page's words for the sides, a level, a difference and a score. */
  labels: Record<Side | 'level' | 'differs' | 'score', string>;
  rubricTitles: Record<string, string>;
  listSeparator: string;
}

type Child = Node | string;
const h = (tag: string, props: Record<string, string> = {}, ...children: Child[]) => {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) element.setAttribute(name, value);
  element.append(...children);
  return element;
};
const SVG = 'http://www.w3.org/2000/svg';
const s = (tag: string, props: Record<string, string | number> = {}, text?: string) => {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(props)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
};
/** An inline chart: decoration beside its table, so hidden from screen readers. */
const chart = (width: number, height: number, ...parts: SVGElement[]) => {
  // Drawn at its own size in user units, so a small chart stays small on a wide page.
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'results-chart', 'aria-hidden': 'true', focusable: 'false' });
  // Through the CSSOM: the page's policy refuses style attributes.
  svg.style.maxWidth = `${width * 1.6}px`;
  svg.append(...parts);
  return svg;
};
/** A table with a header row and body rows; a cell given as an array is a row header. */
const table = (head: string[], rows: (Child | Child[])[][]) =>
  h(
    'table',
    {},
    h('thead', {}, h('tr', {}, ...head.map((label) => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, ...rows.map((row) => h('tr', {}, ...row.map((cell) => (Array.isArray(cell) ? h('th', { scope: 'row' }, ...cell) : h('td', {}, cell)))))),
  );
const section = (heading: string, ...children: (Node | undefined)[]) =>
  h('section', { class: 'results-section' }, h('h2', {}, heading), ...children.filter((c): c is Node => c !== undefined));

class CohortResultsElement extends Island<CohortResultsConfig, typeof cohortResults> {
  private files: File[] = [];
  private worker: Worker | undefined;

  protected connect() {
    const input = this.target('file', HTMLInputElement);
    this.on(input, 'change', () => {
      this.add([...(input.files ?? [])]);
      input.value = '';
    });
    // Files can be dropped anywhere on the page's part.
    this.on(this, 'dragover', (event) => event.preventDefault());
    this.on(this, 'drop', (event) => {
      event.preventDefault();
      this.add([...(event.dataTransfer?.files ?? [])]);
    });
    this.on(this.target('clear'), 'click', () => {
      this.files = [];
      this.target('output').replaceChildren();
      this.target('status').textContent = '';
      this.buttons(false);
    });
    this.on(this.target('print'), 'click', () => print());
  }

  private buttons(shown: boolean) {
    this.target('clear').hidden = !shown;
    this.target('print').hidden = !shown;
  }

  /** Adds `files` to those open (a file of the same name replaces the earlier one) and reads them all again. */
  private async add(files: File[]) {
    if (!files.length) return;
    this.files = [...this.files.filter((f) => !files.some((n) => n.name === f.name)), ...files];
    const status = this.target('status');
    status.textContent = this.config.texts.reading;
    try {
      const opened = await Promise.all(this.files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
      this.worker ??= new Worker(new URL('./results-worker.ts', import.meta.url), { type: 'module' });
      const analysis = await new Promise<Analysis>((resolve, reject) => {
        this.worker!.onmessage = (event: MessageEvent<Analysis>) => resolve(event.data);
        this.worker!.onerror = reject;
        this.worker!.postMessage({ files: opened, model: this.config.model, fallback: this.config.fallbackEncoding });
      });
      this.render(analysis);
      status.textContent = '';
      this.buttons(true);
    } catch {
      status.textContent = this.config.texts.readFailed;
    }
  }

  private number(value: number | undefined, digits = 1) {
    return value === undefined ? this.config.texts.notDefined : new Intl.NumberFormat(this.config.lang, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
  }

  private percent(value: number | undefined) {
    return value === undefined ? this.config.texts.notDefined : new Intl.NumberFormat(this.config.lang, { style: 'percent' }).format(value);
  }

  /** `text` for `count`, with `{count}` and every number in `values` written the language's way. */
  private plural(text: Plural, count: number, values: Record<string, string | number> = {}) {
    const written = (v: string | number) => (typeof v === 'number' ? new Intl.NumberFormat(this.config.lang).format(v) : v);
    return fillPlural(this.config.lang, text, count, Object.fromEntries(Object.entries({ count, ...values }).map(([k, v]) => [k, written(v)])));
  }

  private level(level: number | string) {
    return this.config.levelNames[level] ?? String(level);
  }

  private choice(choice: string[]) {
    const { texts, verdicts } = this.config;
    return choice.length === 2 ? fill(texts.caseChoice, { level: this.level(choice[0]!), verdict: verdicts[choice[1] as Verdict] ?? choice[1]! }) : fill(texts.scoreChoice, { score: choice[0]! });
  }

  private render(analysis: Analysis) {
    const { texts, listSeparator } = this.config;
    const { cohort } = analysis;
    const names = analysis.files.filter((f) => f.kind === 'export' && !f.problem).map((f) => f.name).join(listSeparator);
    this.target('output').replaceChildren(
      ...[
        cohort ? h('p', { class: 'results-summary' }, this.plural(texts.summary, cohort.learners, { learners: cohort.learners, files: names })) : undefined,
        section(texts.filesHeading, h('ul', { class: 'results-files' }, ...this.fileItems(analysis.files))),
        ...(cohort ? [this.questions(cohort), h('div', { class: 'results-pair' }, ...this.confusion(cohort.confusion), this.selfAssessment(cohort)), this.scores(cohort)] : []),
        this.talks(analysis),
      ].filter((n): n is HTMLElement => n !== undefined),
    );
  }

  /** A line per file; the feedback talks opened without remark on one line. */
  private fileItems(files: readonly FileReport[]) {
    const plain = files.filter((f) => f.kind === 'talk' && !f.problem && !f.dropped.length);
    const items = files.filter((f) => !plain.includes(f)).map((f) => this.fileItem(f));
    if (plain.length) items.push(h('li', { class: 'results-file' }, h('strong', {}, this.plural(this.config.texts.talks, plain.length)), h('span', {}, plain.map((f) => f.name).join(this.config.listSeparator))));
    return items;
  }

  private fileItem(file: FileReport) {
    const f = this.config.texts.file;
    const lines: string[] = [];
    if (file.kind === 'talk') {
      lines.push(file.problem ? f.talkProblems[file.problem] : f.talk);
      if (file.dropped.length) lines.push(fill(f.talkDropped, { levels: file.dropped.map((l) => this.level(l)).join(this.config.listSeparator) }));
    } else if (file.problem) {
      lines.push(f.problems[file.problem]);
      if (file.setApart.length) lines.push(fill(f.other, { ids: file.setApart.map((a) => `${a.id} (${a.answers})`).join(', ') }));
    } else {
      lines.push(this.plural(f.rows, file.rows));
      if (file.guessed) lines.push(fill(f.guessed, { encoding: file.encoding }));
      if (file.missing.length) lines.push(fill(f.missing, { columns: file.missing.join(', ') }));
      if (file.notStarted) lines.push(this.plural(f.notStarted, file.notStarted));
      if (file.versions['1.2'] && file.versions['2004']) lines.push(fill(f.versions, { v12: file.versions['1.2'], v2004: file.versions['2004'] }));
      if (file.withoutResponse) lines.push(this.plural(f.withoutResponse, file.withoutResponse));
      if (file.keyChanged) lines.push(this.plural(f.keyChanged, file.keyChanged));
      for (const kind of ['retired', 'other'] as const) {
        const ids = file.setApart.filter((a) => a.kind === kind);
        if (ids.length) lines.push(fill(f[kind], { ids: ids.map((a) => `${a.id} (${a.answers})`).join(', ') }));
      }
      if (file.unreadable.length) {
        lines.push(this.plural(f.unreadable, file.unreadable.length));
        lines.push(fill(f.unreadableCells, { cells: file.unreadable.slice(0, 5).map((c) => fill(f.cell, { row: c.row, column: c.column })).join('; ') }));
      }
    }
    return h('li', { class: file.problem ? 'results-file has-problem' : 'results-file' }, h('strong', {}, file.name), ...lines.map((line) => h('span', {}, line)));
  }

  private questions(cohort: CohortResults) {
    const { texts } = this.config;
    const row = 16;
    const width = 400;
    const bars = cohort.questions.flatMap((q, i) => [
      s('text', { x: 18, y: i * row + 12, 'text-anchor': 'end' }, String(i + 1)),
      s('rect', { x: 24, y: i * row + 2, width: Math.max(1, (q.facility ?? 0) * (width - 70)), height: row - 4, class: 'bar' }),
      s('text', { x: 28 + (q.facility ?? 0) * (width - 70), y: i * row + 12 }, this.percent(q.facility)),
    ]);
    const later = cohort.laterAttempts ? h('p', {}, this.plural(texts.file.laterAttempts, cohort.laterAttempts)) : undefined;
    return section(
      texts.questionsHeading,
      later,
      chart(width, cohort.questions.length * row, ...bars),
      table(
        ['#', texts.question, texts.answered, texts.facility, texts.discrimination, texts.efficiency, texts.wrongChosen],
        cohort.questions.map((q: QuestionStats, i) => [
          [String(i + 1)],
          h('a', { href: q.question.url }, q.question.title),
          String(q.answered),
          this.percent(q.facility),
          this.number(q.discrimination),
          this.number(q.efficiency),
          this.wrongAnswers(q),
        ]),
      ),
    );
  }

  /** The wrong answers, most chosen first; print shows the first three and an ellipsis. */
  private wrongAnswers(q: QuestionStats) {
    const { texts } = this.config;
    const parts = [...q.wrong.map((w) => fill(texts.chosen, { choice: this.choice(w.choice), count: w.count })), ...(q.wrongUnseen ? [this.plural(texts.unseen, q.wrongUnseen)] : [])];
    const cell = h('span', { class: 'wrong-answers' });
    parts.forEach((part, i) => cell.append(h('span', { class: i < 3 ? 'wrong' : 'wrong more' }, i ? `; ${part}` : part)));
    if (parts.length > 3) cell.append(h('span', { class: 'print-only' }, ' …'));
    return cell;
  }

  private confusion(tables: Confusion[]) {
    const { texts, model } = this.config;
    return tables.map((c, n) => {
      const cell = 34;
      const max = Math.max(1, ...c.counts.flat());
      const total = c.counts.flat().reduce((a, b) => a + b, 0);
      const most = c.counts
        .flatMap((row, i) => row.map((count, j) => ({ truth: c.levels[i]!, chosen: c.levels[j]!, count })))
        .filter((x) => x.truth !== x.chosen && x.count > 0)
        .sort((a, b) => b.count - a.count)[0];
      const grid = c.counts.flatMap((row, i) =>
        row.flatMap((count, j) => [
          s('rect', { x: 30 + j * cell, y: 20 + i * cell, width: cell - 2, height: cell - 2, class: i === j ? 'heat same' : 'heat', 'fill-opacity': (0.08 + (0.92 * count) / max).toFixed(2) }),
          s('text', { x: 30 + j * cell + cell / 2 - 1, y: 20 + i * cell + cell / 2 + 4, 'text-anchor': 'middle', class: count / max > 0.5 ? 'on-heat' : '' }, String(count)),
        ]),
      );
      const axes = c.levels.flatMap((level, i) => [
        s('text', { x: 30 + i * cell + cell / 2, y: 14, 'text-anchor': 'middle' }, String(level)),
        s('text', { x: 22, y: 20 + i * cell + cell / 2 + 4, 'text-anchor': 'end' }, String(level)),
      ]);
      const title = tables.length > 1 ? `${texts.confusionHeading} · ${this.config.rubricTitles[model.rubrics[n]!.rubric]}` : texts.confusionHeading;
      return section(
        title,
        h('p', {}, most ? this.plural(texts.mostConfused, most.count, { truth: this.level(most.truth), chosen: this.level(most.chosen) }) : texts.noConfusion),
        total ? chart(40 + c.levels.length * cell, 24 + c.levels.length * cell, ...axes, ...grid) : undefined,
        total
          ? table(
              [`${texts.trueLevel} \\ ${texts.chosenLevel}`, ...c.levels.map((l) => this.level(l))],
              c.counts.map((row, i) => [[this.level(c.levels[i]!)], ...row.map(String)]),
            )
          : undefined,
      );
    });
  }

  /** Stacked bars, one per row, a segment per answer. */
  private stacked(rows: { label: string; counts: number[] }[]) {
    const row = 18;
    const width = 400;
    const parts = rows.flatMap((r, i) => {
      const total = r.counts.reduce((a, b) => a + b, 0) || 1;
      let x = 90;
      return [
        s('text', { x: 84, y: i * row + 13, 'text-anchor': 'end' }, r.label),
        ...r.counts.map((count, k) => {
          const w = ((width - 95) * count) / total;
          const rect = s('rect', { x, y: i * row + 2, width: w, height: row - 4, class: `seg seg-${k}` });
          x += w;
          return rect;
        }),
      ];
    });
    return chart(width, rows.length * row, ...parts);
  }

  private selfAssessment(cohort: CohortResults) {
    const { texts, answers, model } = this.config;
    return section(
      texts.selfHeading,
      ...cohort.selfAssessment.flatMap((sa) => {
        const rules = model.rubrics.find((r) => r.rubric === sa.rubric)!.rules;
        const offered = [...new Set(Object.keys(answers).filter((a) => sa.levels.some((l) => l.counts[a] !== undefined)))] as LevelAnswer[];
        if (!offered.length) return [h('p', {}, texts.noSelf)];
        const rows = sa.levels.map((l) => ({ label: this.level(l.level), counts: offered.map((a) => l.counts[a] ?? 0) }));
        return [
          this.stacked(rows),
          table(
            [texts.answer, ...rules.map((r) => this.level(r.level))],
            offered.map((a, k) => [[h('span', { class: `key seg-${k}` }), answers[a]], ...sa.levels.map((l) => String(l.counts[a] ?? 0))]),
          ),
        ];
      }),
    );
  }

  private talks(analysis: Analysis) {
    const { texts, answers, labels } = this.config;
    const opened = analysis.talks.filter((t) => t.count > 0);
    if (!opened.length) return section(texts.talksHeading, h('p', {}, texts.noTalks));
    return section(
      texts.talksHeading,
      ...opened.flatMap((talk) => {
        const most = [...talk.levels].filter((l) => l.differ > 0).sort((a, b) => b.differ / b.both - a.differ / a.both || b.differ - a.differ);
        const top = most.filter((l) => l.differ / l.both === most[0]!.differ / most[0]!.both);
        const counts = (level: TalkLevel, side: Side) =>
          (Object.entries(level.counts[side]) as [LevelAnswer, number][]).map(([answer, count]) => `${answers[answer]} ×${count}`).join('; ');
        return [
          h('p', {}, this.plural(texts.talks, talk.count)),
          top.length ? h('p', {}, fill(texts.mostDiffer, { levels: top.map((l) => this.level(l.level)).join(this.config.listSeparator) })) : undefined,
          this.stacked(talk.levels.map((l) => ({ label: this.level(l.level), counts: [l.differ, l.both - l.differ] }))),
          table(
            [labels.level, labels.self, labels.manager, labels.agreed, labels.differs],
            talk.levels.map((l) => [[this.level(l.level)], counts(l, 'self'), counts(l, 'manager'), counts(l, 'agreed'), fill(texts.differ, { differ: l.differ, both: l.both })]),
          ),
        ].filter((n) => n !== undefined);
      }),
    );
  }

  private scores(cohort: CohortResults) {
    const { texts, labels } = this.config;
    const { bins, passMark, passed, failed, unfinished } = cohort.scores;
    const width = 400;
    const height = 120;
    const column = (width - 20) / bins.length;
    const max = Math.max(1, ...bins);
    const bandLabel = (i: number) => fill(texts.band, { from: i * 10, to: i === 9 ? 100 : i * 10 + 9 });
    const markX = 10 + passMark * (width - 20);
    const parts = [
      ...bins.flatMap((count, i) => [
        s('rect', { x: 10 + i * column + 2, y: height - 20 - ((height - 40) * count) / max, width: column - 4, height: ((height - 40) * count) / max, class: i / 10 >= passMark ? 'bar pass' : 'bar' }),
        s('text', { x: 10 + i * column + column / 2, y: height - 24 - ((height - 40) * count) / max, 'text-anchor': 'middle' }, String(count)),
        s('text', { x: 10 + i * column + column / 2, y: height - 6, 'text-anchor': 'middle', class: 'small' }, String(i * 10)),
      ]),
      s('line', { x1: markX, x2: markX, y1: 4, y2: height - 18, class: 'mark' }),
    ];
    return section(
      texts.scoresHeading,
      h('p', {}, [fill(texts.passMark, { mark: Math.round(passMark * 100) }), this.plural(texts.passed, passed), this.plural(texts.failed, failed), unfinished ? this.plural(texts.unfinished, unfinished) : ''].filter(Boolean).join(' · ')),
      chart(width, height, ...parts),
      table([labels.score, ...bins.map((_, i) => bandLabel(i))], [[[texts.learners], ...bins.map(String)]]),
    );
  }
}

customElements.define('cohort-results', CohortResultsElement);
