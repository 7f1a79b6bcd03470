// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { locales, defaultLocale } from './src/lib/i18n/locales.ts';
import { pagefind } from './src/integrations/pagefind.ts';

/** Where the site will live: SITE_URL is its origin, BASE_PATH its sub-path (e.g. /onboarding/). */
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  // Tests build into their own folder so they never clobber a developer's dist/.
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  i18n: {
    locales: [...locales],
    defaultLocale,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  integrations: [mdx(), pagefind()],
  devToolbar: { enabled: false },
});
