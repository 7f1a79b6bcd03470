/** The links that end each page of the learning path: "Next: <step> →" and "Back to the path", with no script. */
import { describe, expect, test } from 'vitest';
import { dictionaries, locales } from '../../src/lib/i18n';
import { learningPath, routes } from '../../src/lib/urls';
import { useBrowser } from '../support/pages';
import { progressStep } from '../support/parts';

const site = useBrowser();
/** The learning path's pages as the course defines it (src/lib/urls.ts), ending at the manager's review. */
const onPath = [...learningPath.map((step) => routes[step]), routes.review];

describe('next and back along the learning path', () => {
  const viewports = {
    phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    desktop: { viewport: { width: 1280, height: 800 } },
  };
  describe.each(Object.entries(viewports))('%s', (_, viewport) => {
    test.each(locales)('%s: the path’s first step from the home page, then "Next" on every step page, to the manager’s review, where it ends', async (locale) => {
      const { page, errors } = await site.open(`${locale}/`, { ...viewport, javaScriptEnabled: false });
      const t = dictionaries[locale];
      await Promise.all([page.waitForURL(/\/speech\/$/), page.locator(progressStep(learningPath[0])).click()]);
      const visited: string[] = [];
      for (;;) {
        visited.push(new URL(page.url()).pathname.replace(`/onboarding/${locale}/`, ''));
        const nav = page.getByRole('navigation', { name: t.pathNav.label });
        const back = nav.getByRole('link', { name: t.pathNav.back });
        expect(await back.getAttribute('href')).toBe(`/onboarding/${locale}/`);
        // The learner's last step also offers the completion record.
        const record = nav.getByRole('link', { name: t.progress.recordOffer });
        expect(await record.count()).toBe(visited.at(-1) === 'self-assessment/' ? 1 : 0);
        const next = nav.locator('a[rel="next"]');
        if ((await next.count()) === 0) break;
        expect(visited.length).toBeLessThan(onPath.length);
        await Promise.all([page.waitForURL((url) => url.pathname !== `/onboarding/${locale}/${visited.at(-1)}`), next.click()]);
      }
      expect(visited).toEqual(onPath);
      expect(errors).toEqual([]);
    });
  });

  test('pages inside a step lead to the next step; the last step names the manager’s review', async () => {
    const { page } = await site.open('en/cases/alibaba-l2-night-duty-care/', { javaScriptEnabled: false });
    expect(await page.locator('.path-nav a[rel="next"]').textContent()).toBe('Next: Quiz →');
    await page.goto(site.url('en/rubrics/alibaba-customer-first/'));
    expect(await page.locator('.path-nav a[rel="next"]').getAttribute('href')).toBe('/onboarding/en/cases/');
    await page.goto(site.url('zh-hant/self-assessment/'));
    expect(await page.locator('.path-nav a[rel="next"]').textContent()).toBe(`下一步：${dictionaries['zh-hant'].feedbackTalk.title} →`);
    await page.context().close();
  });

  test.each(['en/', 'en/glossary/', 'en/search/', 'en/sources/', 'en/guides/running-a-session/'])('%s is off the path: no next or back links', async (route) => {
    const { page } = await site.open(route, { javaScriptEnabled: false });
    expect(await page.locator('.path-nav').count()).toBe(0);
    await page.context().close();
  });
});
