/** Reading in both languages: the Latin font for English inside Chinese pages, a one-row header at 1280 px, the values as tags, a home page that promises what is there. */
import { describe, expect, test } from 'vitest';
import { locales } from '../../src/lib/i18n';
import { useBrowser } from '../support/pages';

const site = useBrowser();

describe('reading', () => {
  test.each(locales)('%s: at 1280 px the header keeps name, sections, search and languages on one row', async (locale) => {
    const { page } = await site.open(`${locale}/speech/`, { viewport: { width: 1280, height: 800 } });
    const rows = await page.evaluate(() =>
      ['.site-name', '.site-header nav[aria-label]:not(.language-switcher)', '.language-switcher', '.header-search'].map((selector) => {
        const box = document.querySelector(selector)!.getBoundingClientRect();
        return { selector, top: box.top, bottom: box.bottom };
      }),
    );
    // One row: every part overlaps every other vertically.
    const lowestTop = Math.max(...rows.map((r) => r.top));
    const highestBottom = Math.min(...rows.map((r) => r.bottom));
    expect(lowestTop, JSON.stringify(rows)).toBeLessThan(highestBottom);
    await page.context().close();
  });

  test.each(['zh-hant', 'zh-hans'])('%s: English inside the Chinese speech is set in the Latin font', async (locale) => {
    const { page } = await site.open(`${locale}/speech/`);
    const english = page.locator('main [lang="en"]').first();
    expect(await english.count()).toBe(1);
    expect(await english.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/^system-ui/);
    expect(await page.locator('main h1').evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/^"?PingFang/);
    await page.context().close();
  });

  test('the values of their time are tags, with no list markers running into the text', async () => {
    const { page } = await site.open('en/values/');
    const items = page.locator('.value-names li');
    expect(await items.count()).toBeGreaterThan(3);
    for (const li of await items.all()) expect(await li.evaluate((el) => getComputedStyle(el).listStyleType)).toBe('none');
    await page.context().close();
  });

  test('the Traditional home page promises parallel text where it is: the speech and the glossary', async () => {
    const { page } = await site.open('zh-hant/');
    expect(await page.locator('.lede').first().textContent()).toContain('講話和詞彙表有中英對照');
    expect(await page.locator('.lede').first().textContent()).not.toContain('所有內容');
    for (const route of ['zh-hant/speech/', 'zh-hant/glossary/']) {
      await page.goto(site.url(route));
      expect(await page.locator('main [lang="en"]').count(), route).toBeGreaterThan(10);
    }
    await page.context().close();
  });
});
