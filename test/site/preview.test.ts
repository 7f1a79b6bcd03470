/**
 * `npm run preview` (scripts/preview.mjs): Astro's preview of the built site, which redirects an
 * address without its trailing slash to the page's own address, as real hosts do.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../support/astro-cli';
import { testBase } from '../support/build-site';
import { siteDir } from '../support/site';

describe('the preview server', () => {
  let child: ChildProcess;
  let origin = '';

  beforeAll(async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/.test(key)));
    child = spawn(process.execPath, [join(projectRoot, 'scripts/preview.mjs'), '--port', '0'], {
      cwd: projectRoot,
      env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', OUT_DIR: siteDir(), BASE_PATH: testBase },
    });
    let output = '';
    origin = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        output += stripVTControlCharacters(chunk.toString());
        const found = /Local\s+(http:\/\/[^/\s]+)/.exec(output);
        if (found) resolve(found[1]!);
      });
      child.on('exit', (code) => reject(new Error(`the preview stopped (${code}):\n${output}`)));
    });
  }, 60_000);

  afterAll(() => {
    child?.kill();
  });

  const get = (path: string) => fetch(`${origin}${path}`, { redirect: 'manual' });

  test.each([
    ['en', 'en/'],
    ['en/speech?from=mail', 'en/speech/?from=mail'],
    ['zh-hant/cases/alibaba-l2-night-duty-care', 'zh-hant/cases/alibaba-l2-night-duty-care/'],
  ])('%s is redirected to %s', async (asked, own) => {
    const response = await get(`${testBase}${asked}`);
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(`${testBase}${own}`);
    expect((await get(`${testBase}${own}`)).status).toBe(200);
  });

  test('the base path without its slash goes to the language chooser', async () => {
    const response = await get(testBase.replace(/\/$/, ''));
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(testBase);
  });

  test('files and missing pages are answered as before', async () => {
    expect((await get(`${testBase}pagefind/pagefind.js`)).status).toBe(200);
    expect((await get(`${testBase}en/search/words.json`)).status).toBe(200);
    const missing = await get(`${testBase}en/no-such-page`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<html');
  });
});
