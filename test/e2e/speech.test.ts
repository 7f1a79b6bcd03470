/**
 * The speech page in a real browser with JavaScript off: the language control works by CSS
 * alone, paragraphs pair up on a phone and sit side by side on a wide screen.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowser } from '../support/pages';

const site = useBrowser();

async function openSpeech(locale: string, width: number): Promise<Page> {
  const { page } = await site.open(`${locale}/speech/`, { javaScriptEnabled: false, viewport: { width, height: 900 } });
  return page;
}

const visible = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length);

describe('speech page without JavaScript', () => {
  test('shows both languages, then one, from the keyboard', async () => {
    const page = await openSpeech('en', 1280);
    const pairs = await page.locator('.pair').count();
    expect(pairs).toBeGreaterThan(0);
    expect(await visible(page, '.pair > p[lang="zh-Hant"]')).toBe(pairs);
    expect(await visible(page, '.pair > p[lang="en"]')).toBe(pairs);

    await page.getByLabel('English only').focus();
    await page.keyboard.press('Space');
    expect(await page.getByLabel('English only').isChecked()).toBe(true);
    expect(await visible(page, '.pair > p[lang="zh-Hant"]')).toBe(0);
    expect(await visible(page, '.pair > p[lang="en"]')).toBe(pairs);

    await page.getByLabel('Chinese only').check();
    expect(await visible(page, '.pair > p[lang="en"]')).toBe(0);
    expect(await visible(page, '.pair > p[lang="zh-Hant"]')).toBe(pairs);
  });

  test('pairs paragraphs on a phone and sets them side by side on a wide screen', async () => {
    for (const [width, sideBySide] of [
      [390, false],
      [1280, true],
    ] as const) {
      const page = await openSpeech('zh-hant', width);
      const [zh, en] = await Promise.all(
        ['zh-Hant', 'en'].map((lang) => page.locator(`#p7 > p[lang="${lang}"]`).boundingBox()),
      );
      expect(zh && en).toBeTruthy();
      // Side by side: same top, English to the right. Paired: English right below the Chinese.
      if (sideBySide) {
        expect(Math.abs(zh!.y - en!.y)).toBeLessThan(2);
        expect(en!.x).toBeGreaterThan(zh!.x + zh!.width);
      } else {
        expect(en!.y).toBeGreaterThanOrEqual(zh!.y + zh!.height);
        expect(Math.abs(en!.x - zh!.x)).toBeLessThan(2);
      }
    }
  });

  test('a paragraph anchor scrolls to its paragraph', async () => {
    const page = await openSpeech('en', 1280);
    await page.goto(site.url('en/speech/#p9'));
    const box = await page.locator('#p9').boundingBox();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(50);
  });

  test('glossary terms in the speech link to their entries', async () => {
    const page = await openSpeech('zh-hant', 1280);
    // Each term is linked where it first occurs: 店小二 first appears in the news lead.
    const link = page.locator('#lead-4 a.term', { hasText: '店小二' });
    await link.click();
    expect(page.url()).toMatch(/\/zh-hant\/glossary\/#inn-waiter$/);
  });
});
