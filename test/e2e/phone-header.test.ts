/**
 * The header on a phone (390×844): at most 120 px tall, every section and the other languages
 * one tap away in a disclosure that needs no JavaScript, the search box in view; on a wide
 * screen the same links show inline without the disclosure.
 */
import { describe, expect, test } from 'vitest';
import { layoutShift, useBrowser } from '../support/pages';

const site = useBrowser();
const phone = { viewport: { width: 390, height: 844 } };

describe('the header on a phone', () => {
  test.each(['zh-hant/', 'zh-hans/speech/', 'en/cases/alibaba-l2-night-duty-care/', 'en/self-assessment/', 'zh-hant/search/'])(
    '%s: at most 120 px tall, and the page below it does not move',
    async (route) => {
      const { page } = await site.open(route, phone);
      const header = await page.locator('.site-header').boundingBox();
      expect(header!.height).toBeGreaterThan(30);
      expect(header!.height).toBeLessThanOrEqual(120);
      expect(await layoutShift(page)).toBe(0);
    },
  );

  test('without JavaScript one tap on the menu shows every section and the other languages; the search box is in view', async () => {
    const { page } = await site.open('zh-hant/speech/', { ...phone, javaScriptEnabled: false });
    const sections = page.getByRole('navigation', { name: '主要導覽' }).getByRole('link');
    const languages = page.getByRole('navigation', { name: '語言' }).getByRole('link');
    expect(await sections.first().isVisible()).toBe(false);
    await expect.poll(() => page.locator('#header-search').isVisible()).toBe(true);
    await page.getByText('選單', { exact: true }).click();
    expect(await sections.count()).toBe(7);
    for (const link of await sections.all()) expect(await link.isVisible()).toBe(true);
    expect(await languages.allTextContents()).toEqual(['简体中文', 'English']);
    for (const link of await languages.all()) expect(await link.isVisible()).toBe(true);
    await sections.filter({ hasText: '案例測驗' }).click();
    await page.waitForURL(/\/zh-hant\/quiz\/$/);
  });

  test('on a wide screen the sections and languages show without the menu', async () => {
    const { page } = await site.open('en/speech/', { viewport: { width: 1280, height: 800 } });
    expect(await page.getByText('Menu', { exact: true }).isVisible()).toBe(false);
    for (const link of await page.locator('.site-header nav a').all()) expect(await link.isVisible()).toBe(true);
  });
});
