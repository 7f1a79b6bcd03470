import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import { javascriptBytes, pageLoads } from '../support/built-files';
test('sizes', () => {
  const dir = process.env.SITE_DIR!;
  for (const url of ['/onboarding/en/quiz/', '/onboarding/en/self-assessment/', '/onboarding/en/review/', '/onboarding/zh-hant/review/']) {
    const html = readFileSync(dir + '/' + url.slice('/onboarding/'.length) + 'index.html', 'utf8');
    const page = { url, html };
    console.log(url, javascriptBytes(dir + '/', '/onboarding/', page), pageLoads(dir + '/', '/onboarding/', page).js.map((j) => j.split('/').pop()).join(' '));
  }
});
