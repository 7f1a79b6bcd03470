/**
 * Enhances <site-search>: searches the Pagefind index of the page's language as the reader
 * types, with the form's filters, keeps the URL shareable (?q=…), and renders results with
 * highlighted excerpts linking to their exact anchors. Chinese queries are folded and split
 * the way the index was built (src/lib/search-text.ts), and kept only where the text really
 * contains each term.
 */
import { unpackFoldMap, type FoldMap } from '../../lib/chinese-variants';
import type { Dictionary } from '../../lib/i18n/dictionary';
import { excerptParts, holdsAll, markTerms, pagefindQuery, searchTerms } from '../../lib/search-text';
import { fill, fillPlural } from '../../lib/template';
import { Island } from '../island';
import { writtenByMark, type MarkText } from '../written-by-mark';

/** What SearchPage.astro writes into data-config. */
export interface SiteSearchConfig {
  bundle: string;
  version: string;
  han: boolean;
  /** The fold map, packed (chinese-variants.ts). */
  foldMap: string;
  /** The filters the form offers, by field name. */
  filters: string[];
  kinds: Dictionary['search']['kinds'];
  /** The mark on the site's own words (components/WrittenBy.astro). */
  mark: MarkText;
  texts: Dictionary['search']['script'];
}

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title: string; text: string; bySite?: 'title' | 'content' };
  filters: Record<string, string[]>;
}

interface Pagefind {
  options(options: { metaCacheTag?: string }): Promise<void>;
  init(): Promise<void>;
  search(query: string, options: { filters: Record<string, { any: string[] }> }): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

/** Results rendered at a time; the first batch is small so the first results show sooner. */
const firstBatch = 4;
const batch = 12;

class SiteSearch extends Island<SiteSearchConfig> {
  private foldMap: FoldMap = {};
  private form!: HTMLFormElement;
  private input!: HTMLInputElement;
  private list!: HTMLOListElement;
  private pagefind: Promise<Pagefind> | undefined;
  private run = 0;
  private pending: { data(): Promise<PagefindResultData> }[] = [];
  private terms: string[] = [];
  private shown = 0;
  private query = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  protected connect() {
    this.foldMap = unpackFoldMap(this.config.foldMap);
    this.form = this.target('form', HTMLFormElement);
    this.input = this.target('query', HTMLInputElement);
    this.list = this.target('results', HTMLOListElement);
    const params = new URLSearchParams(location.search);
    this.input.value = params.get('q') ?? '';
    for (const el of this.form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[name]:not([name=q])')) {
      const chosen = params.getAll(el.name);
      if (el instanceof HTMLInputElement) el.checked = chosen.includes(el.value);
      else el.value = chosen[0] ?? '';
      if (chosen.length) this.target('filters', HTMLDetailsElement).open = true;
    }
    this.on(this.form, 'input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.search(), 120);
    });
    this.on(this.form, 'submit', (event) => {
      event.preventDefault();
      void this.search();
    });
    this.on(this.target('more', HTMLButtonElement), 'click', () => void this.showMore(this.run));
    this.on(document, 'keydown', (event) => this.onKey(event));
    if (this.input.value) void this.search();
    this.input.focus();
  }

  private loadPagefind(): Promise<Pagefind> {
    // The bundle's URL may be relative to the page (LMS packages): import() would resolve it against this script.
    this.pagefind ??= import(/* @vite-ignore */ new URL(`${this.config.bundle}pagefind.js`, document.baseURI).href).then(async (pf: Pagefind) => {
      // Pagefind's default worker keeps its decompression and WebAssembly off the main thread, so
      // the page stays responsive while the first search loads (Lighthouse: blocking time 170 → 30 ms).
      await pf.options({ metaCacheTag: this.config.version });
      await pf.init();
      return pf;
    });
    return this.pagefind;
  }

  private filters(): Record<string, { any: string[] }> {
    const data = new FormData(this.form);
    const filters: Record<string, { any: string[] }> = {};
    for (const name of this.config.filters) {
      const chosen = data.getAll(name).map(String).filter(Boolean);
      if (chosen.length) filters[name] = { any: chosen };
    }
    return filters;
  }

  private async search() {
    const run = ++this.run;
    const data = new FormData(this.form);
    const params = new URLSearchParams();
    for (const [key, value] of data) if (value) params.append(key, String(value));
    history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}${location.hash}`);
    this.query = this.input.value.trim();
    this.shown = 0;
    this.pending = [];
    if (!this.query) {
      this.list.replaceChildren();
      this.status('');
      this.target('more').hidden = true;
      return;
    }
    try {
      const pagefind = await this.loadPagefind();
      this.terms = this.config.han ? searchTerms(this.query, this.foldMap) : [];
      const text = this.config.han ? pagefindQuery(this.terms) : this.query;
      const found = await pagefind.search(text, { filters: this.filters() });
      if (run !== this.run) return;
      this.pending = found?.results ?? [];
      await this.showMore(run);
    } catch {
      if (run === this.run) this.status(this.config.texts.failed);
    }
  }

  /**
   * Renders the next batch of results (for Chinese, of those whose text holds every term). A new
   * search replaces the previous results only once it has some to show, so the list never stands
   * empty while a search runs.
   */
  private async showMore(run: number) {
    const { texts, han } = this.config;
    let replace = this.shown === 0;
    let added = 0;
    while (this.pending.length && added < batch) {
      const next = this.pending.splice(0, this.shown + added === 0 ? firstBatch : batch - added);
      const loaded = await Promise.all(next.map((r) => r.data()));
      if (run !== this.run) return;
      const items = loaded
        .filter((result) => !han || holdsAll(`${result.meta.title} ${result.meta.text}`, this.terms, this.foldMap))
        .map((result) => this.item(result));
      if (!items.length) continue;
      if (replace) this.list.replaceChildren(...items);
      else this.list.append(...items);
      replace = false;
      added += items.length;
      if (!performance.getEntriesByName('search-first-results').length) performance.mark('search-first-results');
    }
    if (replace) this.list.replaceChildren();
    this.shown += added;
    const more = this.pending.length > 0;
    this.target('more').hidden = !more;
    const values = { query: this.query, count: this.shown };
    const lang = document.documentElement.lang;
    this.status(this.shown === 0 && !more ? fill(texts.none, values) : fillPlural(lang, more ? texts.partial : texts.count, this.shown, values));
  }

  private item(result: PagefindResultData) {
    const li = document.createElement('li');
    const link = document.createElement('a');
    link.href = result.url;
    const kind = document.createElement('span');
    kind.className = 'result-kind';
    kind.textContent = this.config.kinds[result.filters.kind?.[0] as keyof SiteSearchConfig['kinds']] ?? '';
    link.append(kind, ` ${result.meta.title}`);
    if (result.meta.bySite === 'title') link.append(' ', writtenByMark(this.config.mark));
    const excerpt = document.createElement('p');
    excerpt.className = 'excerpt';
    if (this.config.han) {
      for (const part of excerptParts(result.meta.text, markTerms(result.meta.text, this.terms, this.foldMap))) {
        excerpt.append(part.mark ? Object.assign(document.createElement('mark'), { textContent: part.text }) : part.text);
      }
    } else {
      // Pagefind's excerpt is the record's text, escaped, with <mark> around the matches.
      excerpt.innerHTML = result.excerpt;
    }
    if (result.meta.bySite === 'content') excerpt.append(' ', writtenByMark(this.config.mark));
    li.append(link, excerpt);
    return li;
  }

  private status(text: string) {
    this.target('status').textContent = text;
  }

  /** "/" focuses the box; arrow keys move between the box and the results; Escape goes back. */
  private onKey(event: KeyboardEvent) {
    const target = event.target as HTMLElement;
    const typing = target.matches('input, textarea, select') && target !== this.input;
    if (event.key === '/' && !typing && target !== this.input) {
      event.preventDefault();
      this.input.focus();
      return;
    }
    const links = [...this.list.querySelectorAll('a')];
    const at = links.indexOf(target as HTMLAnchorElement);
    if (event.key === 'ArrowDown' && (target === this.input || at >= 0)) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      (at === 0 ? this.input : links[at - 1]!).focus();
    } else if (event.key === 'Escape' && at >= 0) {
      this.input.focus();
    }
  }
}

customElements.define('site-search', SiteSearch);
