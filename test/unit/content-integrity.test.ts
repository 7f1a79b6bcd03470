import { describe, expect, test } from 'vitest';
import {
  ContentIntegrityError,
  assertContentIntegrity,
  findIntegrityProblems,
  type ContentSnapshot,
} from '../../src/lib/content-integrity';
import { readYaml, yamlEntries } from '../support/content-files';

/**
 * The content frozen in test/fixtures/content/, as the loaders would hand it over (schemas'
 * defaults aside). The build checks the live content/ itself (src/data/content.ts).
 */
function frozenContent(): ContentSnapshot {
  const entries = (folder: string) => yamlEntries(folder) as any[];
  return {
    speeches: entries('speech'),
    values: entries('values'),
    rubrics: entries('rubrics'),
    cases: entries('cases'),
    glossary: entries('glossary'),
    sources: entries('sources'),
    themes: (readYaml('themes.yaml') as { id: string }[]).map((t) => ({ id: t.id, data: t as any })),
    pages: [
      { id: 'en/running-a-session', filePath: 'content/pages/en/running-a-session.mdx', data: { page: 'running-a-session' } as any },
      { id: 'zh-hant/running-a-session', filePath: 'content/pages/zh-hant/running-a-session.mdx', data: { page: 'running-a-session' } as any },
    ],
  };
}

function firstCase(content: ContentSnapshot) {
  const entry = content.cases.find((c) => c.id === 'alibaba-l2-night-duty-care');
  if (!entry) throw new Error('fixture case missing');
  return entry;
}

describe('content integrity', () => {
  test('the frozen content hangs together, so each change below is the one problem found', () => {
    expect(findIntegrityProblems(frozenContent())).toEqual([]);
  });

  test.each([
    {
      name: 'two cases at one place in one of the source’s lists',
      change: (c: ContentSnapshot) => void (c.cases.find((e) => e.id === 'alibaba-l1-cancelled-booking')!.data.position = 1),
      problem:
        'content/cases/alibaba-l1-manager-insults-staff.yaml: position: position 1 is already that of content/cases/alibaba-l1-cancelled-booking.yaml in the same list (level 1, falls-short)',
    },
    {
      name: 'two glossary terms with one English rendering',
      change: (c: ContentSnapshot) => void (c.glossary.find((e) => e.id === 'half-point')!.data.term.en = 'Pass-through'),
      problem: 'content/glossary/pass-through.yaml: term.en: "pass-through" is already the English rendering of content/glossary/half-point.yaml; each term has its own',
    },
    {
      name: 'a case at a level the rubric lacks',
      change: (c: ContentSnapshot) => void (firstCase(c).data.level = 6),
      problem: 'content/cases/alibaba-l2-night-duty-care.yaml: level: rubric "alibaba-customer-first" has no level 6',
    },
    {
      name: 'a case of an unknown rubric',
      change: (c: ContentSnapshot) => void (firstCase(c).data.rubric = 'teamwork'),
      problem: 'content/cases/alibaba-l2-night-duty-care.yaml: rubric: unknown rubric "teamwork"',
    },
    {
      name: 'an unknown source',
      change: (c: ContentSnapshot) => void (firstCase(c).data.source = 'nowhere'),
      problem: 'content/cases/alibaba-l2-night-duty-care.yaml: source: unknown source "nowhere"',
    },
    {
      name: 'an unknown theme',
      change: (c: ContentSnapshot) => void (firstCase(c).data.themes = ['respect', 'speed']),
      problem: 'content/cases/alibaba-l2-night-duty-care.yaml: themes.1: unknown theme "speed" (see content/themes.yaml)',
    },
    {
      name: 'a speech paragraph that does not exist',
      change: (c: ContentSnapshot) => {
        const term = c.glossary.find((g) => g.id === 'inn-waiter')!;
        term.data.paragraph = 'p99';
      },
      problem: 'content/glossary/inn-waiter.yaml: paragraph: no paragraph "p99" in the speech',
    },
    {
      name: 'a duplicate paragraph id',
      change: (c: ContentSnapshot) => {
        // p18 is referred to by nothing, so renaming it to p17 leaves only the duplicate.
        const body = c.speeches[0]!.data.body.paragraphs;
        body[17]!.id = 'p17';
      },
      problem: 'content/speech/jd-2013-customer-first.yaml: body.paragraphs.17.id: duplicate id "p17"',
    },
    {
      name: 'a guide page missing in one locale',
      change: (c: ContentSnapshot) => void c.pages.pop(),
      problem: 'content/pages/zh-hant: page "running-a-session" is missing in this locale',
    },
  ])('reports $name with file and field', ({ change, problem }) => {
    const content = frozenContent();
    change(content);
    expect(findIntegrityProblems(content)).toEqual([problem]);
    expect(() => assertContentIntegrity(content)).toThrow(ContentIntegrityError);
  });
});
