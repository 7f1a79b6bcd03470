/** Search in Chromium: header box, results as you type, filters, cross-script queries, deep links, keyboard. */
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { dictionaries } from '../../src/lib/i18n';
import { useBrowser } from '../support/pages';
import { searchPart } from '../support/parts';

const site = useBrowser();
/**
 * A page's first search loads Pagefind (its script, WebAssembly and index chunks): a second alone,
 * far more on a machine busy with other builds. Waits for it are long, and end when it is done.
 */
const firstSearch = { timeout: 25_000 };

async function results(page: Page) {
  await page.locator(searchPart('status')).filter({ hasText: /\S/ }).waitFor(firstSearch);
  return page.locator(`${searchPart('results')} li`).evaluateAll((items) =>
    items.map((li) => ({ href: li.querySelector('a')!.getAttribute('href')!, text: li.textContent!, marks: [...li.querySelectorAll('mark')].map((m) => m.textContent) })),
  );
}

/** Waits until the page shows results, and every one links to a URL holding `fragment`. */
const onlyResultsTo = (page: Page, fragment: string) =>
  page.waitForFunction(
    ([results, part]) => {
      const links = [...document.querySelectorAll(`${results} a`)];
      return links.length > 0 && links.every((a) => a.getAttribute('href')!.includes(part!));
    },
    [searchPart('results'), fragment],
    firstSearch,
  );

describe('search', () => {
  test('the header search box opens the search page with the query, without JavaScript on the page it leaves', async () => {
    const { page } = await site.open('zh-hant/speech/');
    expect(await page.locator('script').count()).toBe(0);
    await page.locator('#header-search').fill('店小二');
    await page.locator('#header-search').press('Enter');
    await page.waitForURL(/\/zh-hant\/search\/\?q=/);
    const found = await results(page);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((r) => r.href === '/onboarding/zh-hant/glossary/#inn-waiter')).toBe(true);
  });

  test('a ?q= link is shareable and results link to exact anchors with highlighted excerpts', async () => {
    const { page, errors } = await site.open('zh-hant/search/?q=倒三角');
    const found = await results(page);
    const paragraph = found.find((r) => r.href === '/onboarding/zh-hant/speech/#p13');
    expect(paragraph?.marks).toContain('倒三角');
    await page.locator(`a[href$="/speech/#p13"]`).click();
    await page.waitForURL(/\/speech\/#p13$/);
    expect(errors).toEqual([]);
  });

  test.each([
    ['服务', '服務'],
    ['供应商', '供應商'],
    ['阿里巴巴', '阿里巴巴'],
    ['态度', '態度'],
    ['公司里', '公司裡'],
    ['于未然', '於未然'],
  ])('Simplified or variant %s finds the Traditional %s', async (query, traditional) => {
    const { page } = await site.open(`zh-hant/search/?q=${encodeURIComponent(query)}`);
    const found = await results(page);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((r) => r.text.includes(traditional) || r.marks.includes(traditional))).toBe(true);
  });

  test('the Simplified edition finds its own text from a Traditional query', async () => {
    const { page } = await site.open(`zh-hans/search/?q=${encodeURIComponent('服務態度')}`);
    const found = await results(page);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((r) => r.href.startsWith('/onboarding/zh-hans/'))).toBe(true);
    expect(found.some((r) => r.marks.includes('服务态度'))).toBe(true);
  });

  test('a mixed query needs every term', async () => {
    const { page } = await site.open(`zh-hant/search/?q=${encodeURIComponent('HRD 培訓')}`);
    const found = await results(page);
    expect(found.map((r) => r.href)).toEqual([expect.stringMatching(/\/zh-hant\/sources\/#tftnews-alibaba-values$/)]);
    expect(found[0]!.marks).toEqual(['HRD', '培訓']);
  });

  test('filters narrow the results and stay in the URL', async () => {
    const { page } = await site.open('zh-hant/search/?q=客戶');
    const all = await results(page);
    await page.locator(`${searchPart('filters')} summary`).click();
    await page.getByLabel('案例', { exact: true }).check();
    await page.locator('#search-level').selectOption('3');
    await expect.poll(() => page.url(), firstSearch).toMatch(/kind=case.*level=3|level=3.*kind=case/);
    await onlyResultsTo(page, '/cases/alibaba-l3');
    const cases = await results(page);
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.length).toBeLessThan(all.length);
    await page.reload();
    expect(await page.locator('#search-level').inputValue()).toBe('3');
    expect(await page.getByLabel('案例', { exact: true }).isChecked()).toBe(true);
  });

  test('the site’s reading of the speech is a result of its own, marked in its excerpt, and filtered as the site’s', async () => {
    const { page } = await site.open('zh-hant/search/?q=尊重他人');
    const found = page.locator(`${searchPart('results')} li`).filter({ has: page.locator('a[href$="/cases/jd-speech-acting-like-suppliers-bosses/#reading"]') });
    await found.first().waitFor(firstSearch);
    expect(await found.locator('.excerpt .written-by-mark').first().textContent()).toContain('本站');
    // The filled-in heading of level 1 is its own result too, with the filled-in mark.
    const heading = page.locator(`${searchPart('results')} li`).filter({ has: page.locator('a[href$="#level-1-heading"]') }).filter({ hasText: '隨時隨地維護' });
    expect(await heading.locator('.excerpt .written-by-mark').first().textContent()).toContain('補');
    await page.locator(`${searchPart('filters')} summary`).click();
    await page.getByLabel('本站解讀', { exact: true }).check();
    await onlyResultsTo(page, '/cases/jd-speech-');
    await page.context().close();
  });

  test('English queries find stemmed forms', async () => {
    const { page } = await site.open('en/search/?q=serving');
    const found = await results(page);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((r) => /\bserv(e|es|ed|ice)\b/i.test(r.text))).toBe(true);
  });

  test('works from the keyboard and announces the count', async () => {
    const { page } = await site.open('en/search/');
    await page.keyboard.type('customer');
    await expect.poll(() => page.locator(searchPart('status')).textContent(), firstSearch).toMatch(/results? for “customer”/);
    expect(await page.locator(searchPart('status')).getAttribute('aria-live')).toBe('polite');
    await page.keyboard.press('ArrowDown');
    const first = await page.evaluate((results) => document.activeElement?.closest('li') === document.querySelector(`${results} li`), searchPart('results'));
    expect(first).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate((query) => document.activeElement?.matches(query), searchPart('query'))).toBe(true);
    await page.locator('body').click();
    await page.keyboard.press('/');
    expect(await page.evaluate((query) => document.activeElement?.matches(query), searchPart('query'))).toBe(true);
  });

  test('an input method’s candidates are not searched; the committed word is, at once', async () => {
    const { page } = await site.open('zh-hant/search/');
    const cdp = await page.context().newCDPSession(page);
    await page.locator(searchPart('query')).focus();
    await cdp.send('Input.imeSetComposition', { text: '客', selectionStart: 1, selectionEnd: 1 });
    // The learner looks through the candidates for a moment: far longer than the typing pause.
    await page.waitForTimeout(400);
    expect(page.url()).not.toMatch(/\?q=/);
    await cdp.send('Input.insertText', { text: '客戶' });
    await results(page);
    const searched = await page.evaluate(() => performance.getEntriesByName('search-results').map((m) => (m as PerformanceMark).detail));
    expect(searched).toEqual(['客戶']);
    expect(page.url()).toMatch(/\?q=%E5%AE%A2%E6%88%B6$/);
  });

  test('C3: under a platform policy without WebAssembly, search says the platform’s security settings block it', async () => {
    const context = await site.context();
    // An LMS that serves the course under its own policy, one without 'wasm-unsafe-eval'.
    await context.route('**/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "script-src 'self'" } });
    });
    const page = await context.newPage();
    await page.goto(site.url('en/search/?q=customer'));
    await expect.poll(() => page.locator(searchPart('status')).textContent(), firstSearch).toBe(dictionaries.en.search.script.blocked);
  });

  test('without JavaScript the search page says results need it', async () => {
    const { page } = await site.open('en/search/?q=customer', { javaScriptEnabled: false });
    expect(await page.locator('.needs-js').isVisible()).toBe(true);
  });

  test('a first Chinese query fetches at most 150 KB, scripts included (as a compressing host sends it)', async () => {
    const context = await site.context();
    const page = await context.newPage();
    const sizes: Promise<number>[] = [];
    page.on('response', (response) =>
      sizes.push(response.body().then((body) => (body[0] === 0x1f && body[1] === 0x8b ? body.length : gzipSync(body).length))),
    );
    await page.goto(site.url(`zh-hant/search/?q=${encodeURIComponent('客戶')}`));
    await results(page);
    await page.waitForLoadState('networkidle');
    const total = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(50 * 1024);
    expect(total).toBeLessThanOrEqual(150 * 1024);
  });

  describe('search that forgives', () => {
    test.each([
      ['推諉', '推諉'],
      ['服务', '服務'],
    ])('the English edition finds the Chinese %s in its records’ Traditional text', async (query, traditional) => {
      const { page, errors } = await site.open(`en/search/?q=${encodeURIComponent(query)}`);
      const found = await results(page);
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((r) => r.href.startsWith('/onboarding/en/'))).toBe(true);
      // Glossary terms hold it in their title (the term in Chinese beside its English rendering).
      expect(found.every((r) => r.text.includes(traditional))).toBe(true);
      expect(found.filter((r) => r.marks.includes(traditional)).length).toBeGreaterThan(found.length / 2);
      // The Chinese excerpt says which language it is in (fonts, screen readers).
      expect(await page.locator(`${searchPart('results')} .excerpt[lang="zh-Hant"]`).count()).toBeGreaterThan(found.length / 2);
      expect(errors).toEqual([]);
      await page.context().close();
    });

    test('a Chinese edition finds English words in its records’ English text', async () => {
      const { page } = await site.open('zh-hant/search/?q=inverted');
      const found = await results(page);
      expect(found.some((r) => r.href === '/onboarding/zh-hant/speech/#p13')).toBe(true);
      expect(found.every((r) => /inverted/i.test(r.text))).toBe(true);
      expect(await page.locator(`${searchPart('results')} .excerpt[lang="en"] mark`).first().textContent()).toMatch(/inverted/i);
      await page.context().close();
    });

    test('a typo gets "Did you mean", and the glossary and the case library', async () => {
      const { page, errors } = await site.open('en/search/?q=custmer');
      await results(page);
      expect(await page.locator(searchPart('status')).textContent()).toBe('Nothing found for “custmer”.');
      const help = page.locator(searchPart('help'));
      await help.getByText(/Did you mean customer/).waitFor(firstSearch);
      expect(await help.getByRole('link', { name: 'Glossary' }).getAttribute('href')).toBe('/onboarding/en/glossary/');
      expect(await help.getByRole('link', { name: 'Cases', exact: true }).getAttribute('href')).toBe('/onboarding/en/cases/');
      await help.getByRole('link', { name: 'customer', exact: true }).click();
      await expect.poll(() => page.locator(searchPart('status')).textContent(), firstSearch).toMatch(/results? for “customer”/);
      expect(page.url()).toMatch(/\?q=customer$/);
      expect(await help.isHidden()).toBe(true);
      expect(errors).toEqual([]);
      await page.context().close();
    });

    test('a Chinese query that finds nothing offers the nearest glossary terms', async () => {
      const { page } = await site.open(`zh-hant/search/?q=${encodeURIComponent('客戶第二')}`);
      await page.locator(searchPart('help')).getByText('你要找的是不是').waitFor(firstSearch);
      expect(await page.locator(searchPart('help')).getByRole('link', { name: '客戶第一' }).count()).toBe(1);
      await page.context().close();
    });

    const sameAs = async (locale: string, query: string, reference: string) => {
      const hrefs = async (q: string) => {
        const { page } = await site.open(`${locale}/search/?q=${encodeURIComponent(q)}`);
        const found = await results(page);
        while (await page.locator(searchPart('more')).isVisible()) {
          const before = found.length;
          await page.locator(searchPart('more')).click();
          await page.waitForFunction(([results, n]) => document.querySelectorAll(`${results} li`).length > n, [searchPart('results'), before] as const, firstSearch);
          found.splice(0, found.length, ...(await results(page)));
        }
        await page.context().close();
        return found.map((r) => r.href).sort();
      };
      const expected = await hrefs(reference);
      expect(expected.length).toBeGreaterThan(0);
      expect(await hrefs(query)).toEqual(expected);
    };

    test.each([
      ['zh-hant', '「客戶」', '客戶'],
      ['zh-hant', '客戶！', '客戶'],
      ['zh-hant', '客戶 客戶', '客戶'],
      ['zh-hant', '😀客戶😀', '客戶'],
      ['zh-hant', '客戶，服務', '客戶 服務'],
      ['zh-hans', '客户 客户', '客户'],
      ['zh-hans', '“客户”', '客户'],
    ])('%s: the pasted %s finds what %s finds (red team S18–S20)', sameAs);

    test('a very long query is cut, searched, and said to be cut; the URL stays short (S15–S17)', async () => {
      const { page, errors } = await site.open('zh-hant/search/');
      // As a paste of a whole page would arrive: one input event with the text.
      await page.evaluate((query) => {
        const input = document.querySelector<HTMLInputElement>(query)!;
        input.value = '客戶'.repeat(50_000);
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: input.value }));
      }, searchPart('query'));
      await page.locator(searchPart('status')).filter({ hasText: '只搜尋前 100 個字' }).waitFor(firstSearch);
      const q = new URL(page.url()).searchParams.get('q')!;
      expect([...q]).toHaveLength(100);
      expect(page.url().length).toBeLessThan(2_000);
      expect(errors).toEqual([]);
      await page.context().close();
    });

    test('a long ?q= link is cut the same way', async () => {
      const { page } = await site.open(`en/search/?q=${'customer '.repeat(400)}`);
      await page.locator(searchPart('status')).filter({ hasText: 'Only the first 100 characters are searched.' }).waitFor(firstSearch);
      expect(await page.locator(`${searchPart('results')} li`).count()).toBeGreaterThan(0);
      expect(new URL(page.url()).searchParams.get('q')!.length).toBeLessThanOrEqual(100);
      await page.context().close();
    });

    test('without script the box itself keeps a query short enough for any host', async () => {
      const { page } = await site.open('en/search/', { javaScriptEnabled: false });
      const max = Number(await page.locator(searchPart('query')).getAttribute('maxlength'));
      expect(max).toBeGreaterThan(100);
      expect(max).toBeLessThanOrEqual(400);
      await page.context().close();
      const other = await site.open('en/values/', { javaScriptEnabled: false });
      expect(Number(await other.page.locator('#header-search').getAttribute('maxlength'))).toBe(max);
      await other.page.context().close();
    });

    test('a touch screen gets no keyboard hint; a desktop does', async () => {
      const phone = await site.open('en/search/', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
      await phone.page.locator('site-search:defined').waitFor();
      expect(await phone.page.locator('#search-shortcut').isVisible()).toBe(false);
      await expect.poll(() => phone.page.locator(searchPart('query')).getAttribute('aria-describedby')).toBeNull();
      await phone.page.context().close();
      const desktop = await site.open('en/search/');
      expect(await desktop.page.locator('#search-shortcut').isVisible()).toBe(true);
      expect(await desktop.page.locator(searchPart('query')).getAttribute('aria-describedby')).toBe('search-shortcut');
      await desktop.page.context().close();
    });
  });
});
