/** Guide pages hold prose, Markdown and the site's components with literal props: the check of their MDX tree. */
import { describe, expect, test } from 'vitest';
import { guideSourceProblems } from '../../src/lib/guide-markdown';

const frontMatter = '---\ntitle: A guide\ndescription: For the test.\npage: g\n---\n\n';
/** The check's problems of a guide page whose body is `body` (its lines counted after the 6 of the front matter). */
const check = async (body: string) => guideSourceProblems(frontMatter + body).join('\n');

describe('a guide page passes with', () => {
  test.each([
    ['prose and Markdown', '# Title\n\nSome *prose*, a [link](../../quiz/), a [site](https://example.org/) and `code`.\n\n- a list\n\n> a quote\n'],
    ['the site’s components with literal props', '<CaseCard id="alibaba-l2-night-duty-care" />\n\n<CaseQuiz rubric="alibaba-customer-first" level={1} />\n'],
    ['a local image', '![A chart](./chart.png)\n'],
  ])('%s', async (_, source) => {
    expect(await check(source)).toBe('');
  });
});

describe('a guide page fails, naming the file and the line, with', () => {
  test.each([
    ['an import', 'Text.\n\nimport { readFileSync } from "node:fs"\n', /line 9: import and export/],
    ['an expression', 'Host: {process.env.HOME}\n', /line 7: expressions in braces .*process\.env\.HOME/],
    ['a script', '<script>alert(1)</script>\n', /line 7: <script> is not allowed/],
    ['a frame', 'Text\n\n<iframe src="https://example.org/" />\n', /line 9: <iframe> is not allowed/],
    ['a form with a password field', '<form action="https://phish.example/collect"><input type="password" /></form>\n', /line 7: <form> is not allowed/],
    ['a javascript: link in Markdown', '[x](javascript:alert(1))\n', /line 7: link "javascript:alert\(1\)" would run code/],
    ['a javascript: link as HTML', '<a href="javascript:alert(1)">x</a>\n', /line 7: <a> is not allowed/],
    ['a remote image', '![x](https://tracker.example/pixel.png)\n', /line 7: image "https:\/\/tracker\.example\/pixel\.png" is not on this site/],
    ['a computed prop', '<CaseQuiz rubric="alibaba-customer-first" level={1 + 1} />\n', /line 7: <CaseQuiz> level=\{1 \+ 1\}: props must be literal/],
    ['a spread prop', '<CaseCard {...props} />\n', /line 7: <CaseCard> takes no spread props/],
    ['an unknown prop', '<CaseCard id="x" onClick="y" />\n', /line 7: <CaseCard> has no prop "onClick"/],
    ['an export', 'export const x = 1\n', /line 7: import and export/],
  ])('%s', async (_, source, message) => {
    expect(await check(source)).toMatch(message);
  });
});
