// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { locales, defaultLocale } from './src/lib/i18n/locales.ts';
import { siteBuild } from './src/integrations/site-build.ts';

/** Where the site will live: SITE_URL is its origin, BASE_PATH its sub-path (e.g. /onboarding/). */
const site = process.env.SITE_URL || undefined;
// Without its origin a page cannot name its canonical address: the pages leave those links out
// (src/components/DocumentHead.astro) rather than point them at a development host.
if (!site && process.argv.includes('build')) {
  console.warn('SITE_URL is not set: the pages are built without canonical and hreflang links. Set it to the address the site will live at, e.g. SITE_URL=https://intranet.example.com');
}
const base = process.env.BASE_PATH ?? '/';

/**
 * The islands load what only a click needs (opening a file, deleting, the list of reviews) with
 * import(). Vite wraps each import() in a helper that preloads the chunk's own imports, about 700
 * bytes gzipped on every island page: more than the click-only code it keeps off the page. Here
 * import() stays import(); the chunk's imports load when it does.
 * @returns {import('vite').Plugin}
 */
function plainDynamicImport() {
  const helper = '\0vite/preload-helper.js';
  return {
    name: 'plain-dynamic-import',
    enforce: 'pre',
    // Nor are the chunk's imports listed beside each import() for preloading (Astro's own setting is an object, kept otherwise).
    config: () => ({ build: { modulePreload: false } }),
    resolveId: (/** @type {string} */ id) => (id === helper ? id : undefined),
    load: (/** @type {string} */ id) => (id === helper ? 'export const __vitePreload = (load) => load();' : undefined),
  };
}

export default defineConfig({
  site,
  base,
  // Tests build into their own folder so they never clobber a developer's dist/.
  outDir: process.env.OUT_DIR ?? './dist',
  // Where Astro keeps its content store between builds; the tests give each build its own, so
  // builds running at the same time (of this project or of copies sharing its node_modules) never
  // read each other's content.
  cacheDir: process.env.CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  // Two routes with one URL, or two content files with one id, fail the build instead of one hiding the other.
  prerenderConflictBehavior: 'error',
  build: { format: 'directory', inlineStylesheets: 'never' },
  i18n: {
    locales: [...locales],
    defaultLocale,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  // No code blocks here; Shiki's inline styles would also break the content security policy.
  markdown: { syntaxHighlight: false },
  // siteBuild() runs the steps after the pages in its own written order: link check, search index,
  // offline lists, and, in a build of their own (npm run package), the LMS packages.
  integrations: [mdx(), siteBuild({ packagesDir: process.env.SCORM_PACKAGES_DIR })],
  devToolbar: { enabled: false },
  vite: {
    plugins: [plainDynamicImport()],
    // Workers as ES modules, minified as Vite minifies the pages' scripts (for workers it keeps
    // annotations and top-level const): the results page starts its worker as a module, and the
    // home page's progress island, bundled on its own like a worker (CourseProgress.astro), runs
    // as a page's module script (in development too, where a classic worker gets importScripts()).
    worker: { format: 'es', rolldownOptions: { output: { topLevelVar: true, comments: { annotation: false } } } },
    build: {
      rolldownOptions: {
        // MDX marks each guide page's module "use astro:head-inject" for Astro itself; the bundler
        // warns that it does not keep such directives, which is expected and harmless here.
        onLog(level, log, handler) {
          if (level === 'warn' && log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
  // A <meta> policy on every built page (see also public/_headers for hosts that send headers).
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind compiles its WebAssembly on the search page.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
