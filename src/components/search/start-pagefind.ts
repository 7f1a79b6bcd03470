/**
 * Starts Pagefind as soon as the search page's first script runs, before the search island's
 * own modules have loaded: its worker then fetches the WebAssembly and this language's index
 * metadata while the rest of the page starts. The island asks `pagefind()` for the same start.
 * SearchPreload.astro names the bundle and the index version on its module preload.
 */

export interface PagefindResultData {
  url: string;
  excerpt: string;
  /**
   * `other`: the record in the other language (English on Chinese pages, Traditional Chinese on
   * English ones); the marks of src/schemas/search-index.ts, flattened: Pagefind's meta holds strings only.
   */
  meta: { title: string; text: string; other?: string; titleMark?: string; titleMarkLong?: string; contentMark?: string; contentMarkLong?: string };
  filters: Record<string, string[]>;
}

type Filters = Record<string, { any: string[] }>;

export interface Pagefind {
  options(options: { metaCacheTag?: string }): Promise<void>;
  init(): Promise<void>;
  preload(query: string, options: { filters: Filters }): Promise<void>;
  search(query: string, options: { filters: Filters }): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

let started: Promise<Pagefind> | undefined;

/** Pagefind, loaded and initialised once per page. */
export function pagefind(): Promise<Pagefind> {
  started ??= (async () => {
    const link = document.querySelector<HTMLLinkElement>('link[data-pagefind-version]');
    if (!link) throw new Error('the search page lacks its Pagefind preload');
    const pf = (await import(/* @vite-ignore */ link.href)) as Pagefind;
    // Pagefind's default worker keeps its decompression and WebAssembly off the main thread, so
    // the page stays responsive while it loads. The version tag lets hosts and the offline copy
    // cache its entry file (otherwise fetched with a fresh `?ts=` each time).
    await pf.options({ metaCacheTag: link.dataset.pagefindVersion! });
    await pf.init();
    return pf;
  })();
  return started;
}

// Errors surface where the island awaits the same promise.
pagefind().catch(() => undefined);
