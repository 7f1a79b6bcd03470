/**
 * One English rendering per glossary term: wherever the Chinese of a content unit uses a term,
 * its English uses the term's rendering (`term.en` without a parenthesised qualifier such as
 * "(Alibaba)", or a running form from `matches.en`), or quotes the Chinese itself. A check of the live content/ (so in the site lane, beside the build that publishes it).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { liveContent } from '../support/content-files';

const { root: contentRoot, readYaml, yamlEntries } = liveContent;

interface Unit {
  where: string;
  'zh-hant': string;
  en: string;
}

/** Every `{ zh-hant, en }` pair in a YAML document, with where it is. */
function units(value: unknown, where: string): Unit[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => units(v, `${where}.${i}`));
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = typeof record['zh-hant'] === 'string' && typeof record.en === 'string' ? [{ where, 'zh-hant': record['zh-hant'], en: record.en } as Unit] : [];
  return [...own, ...Object.entries(record).flatMap(([k, v]) => units(v, `${where}.${k}`))];
}

const files = readdirSync(contentRoot, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
  .map((e) => join(e.parentPath, e.name).slice(contentRoot.length + 1));
const allUnits = files.flatMap((file) => units(readYaml(file), file));

const terms = yamlEntries('glossary').map(({ id, data }) => {
  const d = data as { term: { 'zh-hant': string; en: string }; matches?: { 'zh-hant'?: string[]; en?: string[] } };
  const chinese = d.matches?.['zh-hant'] ?? [d.term['zh-hant']];
  return { id, chinese, english: [d.term.en.replace(/\s*\(.*\)$/, ''), ...(d.matches?.en ?? []), ...chinese] };
});

/** Compared without case, and with hyphens as spaces ("inverted-triangle strategy"). */
const plain = (text: string) => text.toLowerCase().replace(/-/g, ' ');

test('the content holds units to check', () => {
  expect(allUnits.length).toBeGreaterThan(150);
});

test.each(terms)('$id: every English text whose Chinese uses the term uses its one rendering', ({ chinese, english }) => {
  const missing = allUnits
    .filter((u) => chinese.some((form) => u['zh-hant'].includes(form)))
    .filter((u) => !english.some((form) => plain(u.en).includes(plain(form))))
    .map((u) => `${u.where}: ${u.en}`);
  expect(missing).toEqual([]);
});
