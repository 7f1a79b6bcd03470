/**
 * The Simplified Chinese edition, generated from the Traditional source: nothing left in
 * Traditional, glossary terms in their reviewed forms, the reviewed overrides needed and
 * applied, and no conversion table shipped to the browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Converter } from 'opencc-js';
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import overrides from '../../content/zh-hans-overrides.json';
import { toSimplified } from '../../src/lib/simplified';
import { inLocale } from '../../src/lib/localized';
import { glossarySchema } from '../../src/schemas/content';
import { yamlEntries } from '../support/content-files';
import { builtPages, siteDir } from '../support/site';

const simplifiedPages = () => builtPages().filter((p) => p.url.includes('/zh-hans/'));

/**
 * A page's text as a Simplified reader meets it: everything but text marked as Traditional
 * Chinese (the language switcher, quoted source forms). English text stays in: the Chinese
 * glossed inside it must be Simplified too.
 */
function simplifiedText(html: string): string {
  const body = parse(html).querySelector('body')!;
  body.querySelectorAll('[lang^="zh-Hant"], script, style').forEach((el) => el.remove());
  return body.textContent;
}

test('zh-Hans pages use mainland quotation marks, not corner brackets, outside text marked zh-Hant', () => {
  for (const p of simplifiedPages()) {
    const marks = simplifiedText(p.html).match(/.{0,12}[「」『』].{0,12}/gu) ?? [];
    expect(marks, p.url).toEqual([]);
  }
});

test('every zh-Hans page holds no character OpenCC would still convert', () => {
  const toSimplifiedChars = Converter({ from: 't', to: 'cn' });
  const pages = simplifiedPages();
  expect(pages.length).toBeGreaterThan(25);
  for (const p of pages) {
    expect(p.root.querySelector('html')?.getAttribute('lang')).toBe('zh-Hans');
    const text = simplifiedText(p.html);
    const left = [...text].filter((ch) => toSimplifiedChars(ch) !== ch);
    expect([...new Set(left)], p.url).toEqual([]);
  }
});

describe('glossary terms convert to their reviewed Simplified forms', () => {
  // Reviewed by hand: an OpenCC upgrade that changes any of these fails here, not silently.
  const reviewed: Record<string, string> = {
    'customer-first-jd': '客户为先',
    'customer-first-alibaba': '客户第一',
    'inn-waiter': '店小二',
    'looking-up-looking-down': '仰视／俯视',
    'people-first': '先人后企',
    'inverted-triangle': '倒三角',
    'three-systems': '三个系统',
    'three-customer-groups': '三个客户群',
    'grateful-serve-help-succeed': '感恩客户、服务客户、成就客户',
    'integrity-friendship-cooperation': '诚信、交友、合作',
    'lifeline-and-high-voltage-line': '生命和高压线',
    'recuperation-series': '修养生息',
    'feeds-and-clothes-us': '衣食父母',
    'internal-external-customers': '内部客户／外部客户',
    'conforming-case': '符合的案例／不符合的案例',
    'half-point': '半分',
    'pass-through': '通关制',
    'six-vein-spirit-sword': '六脉神剑',
    'sense-of-ownership': '主人翁意识',
  };

  test.each(yamlEntries('glossary'))('$id', ({ id, data }) => {
    expect(reviewed[id], `add the reviewed Simplified form of ${id} to this test`).toBeDefined();
    expect(inLocale(glossarySchema.parse(data).term, 'zh-hans')).toBe(reviewed[id]);
  });

  test('the Simplified glossary page shows them', () => {
    const page = builtPages().find((p) => p.url.endsWith('/zh-hans/glossary/'))!;
    const terms = page.root.querySelectorAll('.term-source').map((el) => el.textContent.trim());
    expect(terms.sort()).toEqual(Object.values(reviewed).sort());
  });
});

test('each reviewed override is needed, and the site prints it', () => {
  const opencc = Converter({ from: 'twp', to: 'cn' });
  const text = simplifiedPages().map((p) => simplifiedText(p.html)).join('');
  for (const { traditional, simplified } of overrides) {
    expect(opencc(traditional), `${traditional}: OpenCC alone already gives ${simplified}`).not.toBe(simplified);
    expect(toSimplified(traditional)).toBe(simplified);
    expect(text, simplified).toContain(simplified);
  }
});

test('no conversion table reaches the browser', () => {
  const dir = join(siteDir(), '_astro');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const han = readFileSync(join(dir, file), 'utf8').match(/\p{Script=Han}/gu) ?? [];
    expect(han.length, file).toBeLessThan(50);
  }
});
