/**
 * After the pages and the search index are written (it lists the index's files), writes each
 * locale's offline list, `<outDir>/offline/<locale>.json` (src/lib/offline.ts): every page of the
 * locale, the styles and scripts, the icons, and Pagefind's engine with that locale's index only,
 * with their size and a version that is a content hash of them all. The service worker
 * (src/components/offline/service-worker.js) downloads a version whole before it uses it, so
 * a version is never mixed with another. The pages of a locale get its size in place of
 * `offlineSizeToken`; a token left anywhere fails the build.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { htmlLang, locales, type Locale } from '../lib/i18n/locales.ts';
import { formatSize, offlineListPath, offlineSizeToken, type OfflineList } from '../lib/offline.ts';
import { filesUnder, urlOf } from './files.ts';
import { readSearchRecords } from './search-index.ts';

/** Pagefind's engine and the files of one language's index (Pagefind keys them by the lowercased `lang`). */
function searchFiles(all: string[], entry: { languages: Record<string, { hash: string; wasm: string | null }> }, locale: Locale): string[] {
  const language = entry.languages[htmlLang[locale].toLowerCase()];
  if (!language) throw new Error(`offline: Pagefind wrote no index for ${locale}`);
  const own = new Set([
    'pagefind/pagefind.js',
    'pagefind/pagefind-worker.js',
    `pagefind/wasm.${language.wasm ?? 'unknown'}.pagefind`,
    `pagefind/pagefind.${language.hash}.pf_meta`,
  ]);
  const chunk = new RegExp(`^pagefind/(index|fragment|filter)/${htmlLang[locale].toLowerCase()}_[^/]+$`);
  return all.filter((file) => own.has(file) || chunk.test(file));
}

/** Writes the lists into `outDir` (the site under `base`); returns what each holds. */
export async function writeOfflineLists(outDir: string, base: string) {
  const all = filesUnder(outDir);
  const entry = JSON.parse(await readFile(join(outDir, 'pagefind/pagefind-entry.json'), 'utf8'));
  // The search page asks for Pagefind's entry file tagged with the index version (start-pagefind.ts).
  const { version: searchVersion } = await readSearchRecords(outDir);
  const shared = all.filter((file) => file.startsWith('_astro/') || file.startsWith('icons/') || file === 'favicon.svg');
  await mkdir(join(outDir, 'offline'), { recursive: true });
  const written: { locale: Locale; files: number; size: string }[] = [];
  for (const locale of locales) {
    const files = [...all.filter((file) => file.startsWith(`${locale}/`)), ...shared, ...searchFiles(all, entry, locale)]
      .map((file) => ({ file, url: urlOf(base, file) }))
      .concat({ file: 'pagefind/pagefind-entry.json', url: `${base}pagefind/pagefind-entry.json?ts=${searchVersion}` })
      // In code-unit order, the same on every machine: the version hashes the files in this order.
      .sort((a, b) => (a.url < b.url ? -1 : 1));
    const read = () => Promise.all(files.map(async (f) => ({ ...f, content: await readFile(join(outDir, f.file)) })));
    const asking = (
      await Promise.all(files.filter((f) => f.file.endsWith('.html')).map(async ({ file }) => ({ file, html: await readFile(join(outDir, file), 'utf8') })))
    ).filter(({ html }) => html.includes(offlineSizeToken));
    // The size is written into the pages it counts, which changes it by a few bytes: the bytes
    // with a given text in place of each token are computed, not written and read back, until the
    // text states its own total (once or twice; at a unit's edge, where two texts could
    // alternate, the third correction stands, one rounding step off). Then the pages are written once.
    const tokens = asking.reduce((count, { html }) => count + html.split(offlineSizeToken).length - 1, 0);
    const withTokens = (await read()).reduce((sum, f) => sum + f.content.length, 0);
    const sizeWith = (text: string) =>
      formatSize(withTokens + tokens * (Buffer.byteLength(text) - Buffer.byteLength(offlineSizeToken)), htmlLang[locale]);
    let size = sizeWith(offlineSizeToken);
    for (let correction = 0; correction < 3 && sizeWith(size) !== size; correction++) size = sizeWith(size);
    for (const { file, html } of asking) await writeFile(join(outDir, file), html.replaceAll(offlineSizeToken, size));
    const final = await read();
    const hash = createHash('sha256');
    for (const f of final) hash.update(`${f.url}\0${createHash('sha256').update(f.content).digest('hex')}\n`);
    const list: OfflineList = {
      locale,
      version: hash.digest('hex').slice(0, 16),
      bytes: final.reduce((sum, f) => sum + f.content.length, 0),
      files: final.map((f) => f.url),
    };
    await writeFile(join(outDir, offlineListPath(locale)), JSON.stringify(list));
    written.push({ locale, files: files.length, size });
  }
  const left = (await Promise.all(all.filter((f) => f.endsWith('.html')).map(async (f) => ((await readFile(join(outDir, f), 'utf8')).includes(offlineSizeToken) ? f : '')))).filter(Boolean);
  if (left.length) throw new Error(`offline: the download size is asked for outside a locale, in ${left.join(', ')}`);
  return written;
}
