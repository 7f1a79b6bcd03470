/**
 * A corpus of broken content, the mistakes a trainer can make in content/. Each one must fail
 * the build with a message that names the file and what is wrong, before any stack trace.
 * Each case builds its own copy of the project (test/support/astro-cli.ts).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectCopy, runAstro } from '../support/astro-cli';

type Edit = (file: (path: string, change: (text: string) => string) => void, root: string) => void;

interface BrokenInput {
  name: string;
  edit: Edit;
  /** The file the message must name, relative to content/. */
  file: string;
  /** What the message must say is wrong. */
  message: RegExp;
}

const replace = (from: RegExp | string, to: string) => (text: string) => {
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`the fixture edit found no ${from}`);
  return changed;
};

const aCase = 'cases/alibaba-l1-manager-insults-staff.yaml';
const guideEn = 'pages/en/running-a-session.mdx';

const corpus: BrokenInput[] = [
  { name: 'YAML that does not parse', file: aCase, message: /missed comma between flow collection entries/, edit: (f) => f(aCase, replace(/^level: 1$/m, 'level: [1')) },
  { name: 'a missing English text', file: aCase, message: /text\.en|text: .*en/, edit: (f) => f(aCase, replace(/^(text:\n  zh-hant: .*\n)  en: .*$/m, '$1')) },
  { name: 'an empty Chinese title', file: aCase, message: /title\.zh-hant|must not be empty/, edit: (f) => f(aCase, replace(/^(title:\n  zh-hant:) .*$/m, "$1 ''")) },
  { name: 'a level outside 1-5', file: aCase, message: /level: levels run from 1 to 5/, edit: (f) => f(aCase, replace(/^level: 1$/m, 'level: 7')) },
  { name: 'a misspelt verdict', file: aCase, message: /verdict/, edit: (f) => f(aCase, replace(/^verdict: falls-short$/m, 'verdict: fails')) },
  { name: 'a misspelt field', file: aCase, message: /levle|[Uu]nrecognized/, edit: (f) => f(aCase, replace(/^level: 1$/m, 'levle: 1')) },
  {
    name: 'a case that names a level its rubric lacks',
    file: 'cases/alibaba-l4-photo-shoot.yaml',
    message: /level: rubric "alibaba-customer-first" has no level 4/,
    edit: (f) => f('rubrics/alibaba-customer-first.yaml', (t) => t.slice(0, t.indexOf('- level: 4'))),
  },
  { name: 'a case of an unknown rubric', file: aCase, message: /rubric: unknown rubric "teamwork"/, edit: (f) => f(aCase, replace(/^rubric: .*$/m, 'rubric: teamwork')) },
  { name: 'an unknown source', file: aCase, message: /source: unknown source "nowhere"/, edit: (f) => f(aCase, replace(/^source: .*$/m, 'source: nowhere')) },
  { name: 'an unknown theme', file: aCase, message: /themes\.0: unknown theme "speed"/, edit: (f) => f(aCase, replace(/^- respect$/m, '- speed')) },
  {
    name: 'a duplicate paragraph id',
    file: 'speech/jd-2013-customer-first.yaml',
    message: /body\.paragraphs\.17\.id: duplicate id "p17"/,
    edit: (f) => f('speech/jd-2013-customer-first.yaml', replace(/^  - id: p18$/m, '  - id: p17')),
  },
  {
    name: 'a glossary term pointing at a paragraph that does not exist',
    file: 'glossary/inn-waiter.yaml',
    message: /paragraph: no paragraph "p99" in the speech/,
    edit: (f) => f('glossary/inn-waiter.yaml', replace(/^paragraph: p7$/m, 'paragraph: p99')),
  },
  {
    name: 'rubric levels out of order',
    file: 'rubrics/alibaba-customer-first.yaml',
    message: /levels must be listed in order/,
    edit: (f) => f('rubrics/alibaba-customer-first.yaml', replace(/^- level: 2$/m, '- level: 3')),
  },
  {
    name: 'a half point worth a whole point',
    file: 'rubrics/alibaba-customer-first.yaml',
    message: /halfPoint\.points/,
    edit: (f) => f('rubrics/alibaba-customer-first.yaml', replace(/^    points: 0\.5$/m, '    points: 1')),
  },
  {
    name: 'a gap-filling source that says nothing of what it fills',
    file: 'sources/youlu-3070989.yaml',
    message: /fills/,
    edit: (f) => f('sources/youlu-3070989.yaml', (t) => t.slice(0, t.indexOf('fills:'))),
  },
  {
    name: 'a speech date that is no date',
    file: 'speech/jd-2013-customer-first.yaml',
    message: /date/,
    edit: (f) => f('speech/jd-2013-customer-first.yaml', replace(/^date: .*$/m, "date: '18 March'")),
  },
  {
    name: 'a value statement quoting a missing paragraph',
    file: 'values/jd.yaml',
    message: /featured\.statements\.\d\.paragraph: no paragraph "p40"/,
    edit: (f) => f('values/jd.yaml', replace(/paragraph: p9$/m, 'paragraph: p40')),
  },
  {
    name: 'a theme without its English name',
    file: 'themes.yaml',
    message: /en/,
    edit: (f) => f('themes.yaml', replace(/^  en: Respect$/m, '')),
  },
  {
    name: 'guide front matter that does not parse',
    file: guideEn,
    message: /missed comma between flow collection entries/,
    edit: (f) => f(guideEn, replace(/^page: running-a-session$/m, 'page: [running')),
  },
  {
    name: 'a guide page without its page id',
    file: guideEn,
    message: /page/,
    edit: (f) => f(guideEn, replace(/^page: running-a-session\n/m, '')),
  },
  {
    name: 'a guide page in one locale only',
    file: 'pages/zh-hant',
    message: /page "first-week" is missing in this locale/,
    edit: (_, root) =>
      writeFileSync(join(root, 'content', 'pages/en/first-week.mdx'), '---\ntitle: Your first week\ndescription: What to read first.\npage: first-week\n---\n\nRead the speech.\n'),
  },
  {
    name: 'a guide page that embeds an unknown case',
    file: guideEn,
    message: /line \d+: <CaseCard> names unknown case "no-such-case"/,
    edit: (f) => f(guideEn, (t) => `${t}\n<CaseCard id="no-such-case" />\n`),
  },
  {
    name: 'a quiz embed that names no rubric',
    file: guideEn,
    message: /line \d+: <CaseQuiz> must name its rubric/,
    edit: (f) => f(guideEn, replace('<CaseQuiz rubric="alibaba-customer-first" level={1} />', '<CaseQuiz level={1} />')),
  },
  {
    name: 'a quiz embed that names an unknown rubric',
    file: guideEn,
    message: /line \d+: <CaseQuiz> names unknown rubric "teamwork"/,
    edit: (f) => f(guideEn, replace('rubric="alibaba-customer-first"', 'rubric="teamwork"')),
  },
  {
    name: 'a quiz embed that names a level its rubric lacks',
    file: guideEn,
    message: /line \d+: <CaseQuiz> names level 6, which rubric "alibaba-customer-first" lacks/,
    edit: (f) => f(guideEn, replace('level={1}', 'level={6}')),
  },
  {
    name: 'two quizzes of the same rubric and level on one page',
    file: guideEn,
    message: /line \d+: a second <CaseQuiz> of the same rubric and level/,
    edit: (f) => f(guideEn, (t) => `${t}\n<CaseQuiz level={1} rubric="alibaba-customer-first" />\n`),
  },
  {
    name: 'two rubrics with one id',
    file: 'rubrics/alibaba-customer-first.yaml',
    // Whichever check sees it first (the loader's id check, or Astro's own), in whichever order the files are read.
    message: /id "alibaba-customer-first" is already the id of content\/rubrics\/|multiple entries with the same slug: `alibaba-customer-first`/,
    edit: (_, root) =>
      writeFileSync(
        join(root, 'content', 'rubrics/Alibaba-Customer-First.yaml'),
        readFileSync(join(root, 'content', 'rubrics/alibaba-customer-first.yaml'), 'utf8'),
      ),
  },
  {
    name: 'a guide page that links to a missing page',
    file: guideEn,
    message: /link "\.\.\/\.\.\/no-such-page\/" leads to no page/,
    edit: (f) => f(guideEn, (t) => `${t}\nSee [the missing page](../../no-such-page/).\n`),
  },
];

describe('broken content fails the build, naming the file and what is wrong', () => {
  test('the corpus holds at least 20 kinds of mistake', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
  });

  test.each(corpus)('$name', { timeout: 60_000 }, ({ edit, file, message }) => {
    const root = projectCopy();
    try {
      edit((path, change) => writeFileSync(join(root, 'content', path), change(readFileSync(join(root, 'content', path), 'utf8'))), root);
      const { status, output } = runAstro(['build'], { OUT_DIR: join(root, 'dist') }, root);
      expect(status, output).not.toBe(0);
      const said = output.search(message);
      expect(said, output).toBeGreaterThanOrEqual(0);
      expect(output, output).toContain(`content/${file}`);
      const stack = output.search(/^\s+at /m);
      if (stack >= 0) {
        expect(said, 'the message comes before any stack trace').toBeLessThan(stack);
        expect(output.indexOf(`content/${file}`), 'the file is named before any stack trace').toBeLessThan(stack);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
